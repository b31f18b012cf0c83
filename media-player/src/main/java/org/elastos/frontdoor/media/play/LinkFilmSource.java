package org.elastos.frontdoor.media.play;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;

import java.io.IOException;
import java.io.InputStream;

/**
 * A film's files from the seller's shop window over the link (direct or through the relay: the client knows which),
 * each read whole and bounded. A broken or refused fetch is an {@link IOException}, which the read-ahead tries
 * again; the client lends each fetch a connection of its own, so the player never shares one with a download.
 */
public final class LinkFilmSource implements FilmSource {
    private final BoxClient seller;
    private final String contentId;

    /** @param contentId the item's content id as the box names it ({@code 0x} and 32 hex digits) */
    public LinkFilmSource(BoxClient seller, String contentId) {
        this.seller = seller;
        this.contentId = contentId;
    }

    @Override
    public byte[] fetch(String name) throws IOException {
        LinkHttp.Response response;
        try {
            response = seller.storeFile(contentId, name, 0);
        } catch (LinkException e) {
            throw new IOException("the seller's box did not send " + name + ": " + e.getMessage(), e);
        }
        if (response.length() > DecryptCapsule.MAX_SEGMENT_BYTES) {
            response.body().close();
            throw new IOException(name + " is larger than a segment may be (" + response.length() + " bytes)");
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(DecryptCapsule.MAX_SEGMENT_BYTES + 1);
            if (bytes.length > DecryptCapsule.MAX_SEGMENT_BYTES) {
                throw new IOException(name + " is larger than a segment may be");
            }
            return bytes;
        } catch (LinkException e) {
            throw new IOException("the seller's box stopped sending " + name + ": " + e.getMessage(), e);
        }
    }
}
