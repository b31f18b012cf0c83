package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A box's catalog entry says what a buyer gets, a film to watch or a copy to download, under the box's signature. */
class StoreItemTest {
    private static final byte[] ID = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @TempDir
    Path dir;

    @Test
    void aDownloadsEntrySaysWhatTheCopyHoldsAndOffersOnlyItsSealedFile() {
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        StoreItem photos = new StoreItem(ID, box.did(), "Summer photos", "", new StoreItem.Download("item.sealed", 123_456, 12, true),
                Optional.empty(), List.of("item.sealed"), Optional.of(new StoreItem.Listed(31337,
                        new EvmAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"), new EvmAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"))));
        StoreItem read = StoreItem.verify(Envelope.parse(photos.sign(box).toJsonString()));
        assertEquals(Optional.of(new StoreItem.Download("item.sealed", 123_456, 12, true)), read.download());
        assertEquals(Optional.empty(), read.watch());
        assertEquals(Optional.empty(), read.poster());
        assertEquals(photos.listing(), read.listing());
        assertTrue(read.offers("item.sealed"));
        assertFalse(read.offers("poster.jpg"));
        assertFalse(read.offers(""));
        assertThrows(IllegalArgumentException.class, () -> new StoreItem(ID, box.did(), "Photos", "",
                new StoreItem.Download("item.sealed", 1, 1, false), Optional.empty(), List.of("item.sealed", "extra"), Optional.empty()));
    }

    @Test
    void anEntrySignedBeforeDownloadsExistedIsAFilmAndAnUnknownDeliveryIsRefused() {
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        ObjectNode old = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("content_id", "0x0102030405060708090a0b0c0d0e0f10").put("box_did", box.did().value()).put("title", "Dusk")
                .put("duration_s", 60.0).put("codecs", "avc1.64001f,mp4a.40.2").put("width", 1280).put("height", 720)
                .put("has_audio", true).put("poster", "poster.jpg").put("playlist", "film.m3u8");
        old.putArray("files").add("init.mp4");
        StoreItem film = StoreItem.verify(box.signEnvelope(EnvelopeDomains.STORE_ITEM, old));
        assertEquals(Optional.of(new StoreItem.Watch(60.0, "avc1.64001f,mp4a.40.2", 1280, 720, true, "film.m3u8")), film.watch());
        assertTrue(film.offers("film.m3u8") && film.offers("poster.jpg") && film.offers("init.mp4"));
        assertFalse(film.offers("item.sealed"));
        old.put("delivery", "teleport");
        assertThrows(EnvelopeRejectedException.class, () -> StoreItem.verify(box.signEnvelope(EnvelopeDomains.STORE_ITEM, old)));
    }
}
