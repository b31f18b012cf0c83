package org.elastos.frontdoor.media.keys;

import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.media.sealed.ItemSealer;
import org.elastos.frontdoor.media.sealed.ItemUnsealer;
import org.elastos.frontdoor.media.sealed.SealedRefused;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Licenses sealed by a real box key, opened by the key service into slots that decrypt and cannot be read. */
class KeyServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final EvmAddress HOLDER = new EvmAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    @TempDir
    Path dir;
    private HostKey box;
    private final byte[] contentId = bytes(16, 1);
    private final byte[] contentKey = bytes(16, 2);
    private final KeyService keys = new KeyService(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void box() {
        box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Envelope license(PlaybackSession playback, byte[] forFilm, byte[] key, Instant notAfter, HostKey signer) {
        LicenseSeal.Sealed sealed = LicenseSeal.seal(playback.publicKey(), forFilm, key);
        return new License(forFilm, HOLDER, playback.publicKey(), sealed, notAfter).sign(signer);
    }

    private Envelope license(PlaybackSession playback) {
        return license(playback, contentId, contentKey, NOW.plus(Duration.ofHours(12)), box);
    }

    /** What the content key does to these bytes, by the JCE from block zero of the sample's keystream. */
    private byte[] jce(byte[] iv, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(Arrays.copyOf(iv, 16)));
        return cipher.doFinal(data);
    }

    @Test
    void aDownloadsKeyOpensItsOwnSealedItemOnlyAndNothingOnceTheSessionEnds() throws Exception {
        Path photo = java.nio.file.Files.write(dir.resolve("Sunset.png"), bytes(3000, 9));
        java.io.ByteArrayOutputStream sealed = new java.io.ByteArrayOutputStream();
        ItemSealer.seal(contentKey, contentId, photo, sealed, done -> { });
        java.io.ByteArrayOutputStream another = new java.io.ByteArrayOutputStream();
        ItemSealer.seal(contentKey, bytes(16, 10), photo, another, done -> { });
        ItemUnsealer.Keys download;
        try (PlaybackSession session = keys.begin()) {
            download = session.openSealed(license(session), box.did(), contentId);
            Path opened = ItemUnsealer.unseal(new java.io.ByteArrayInputStream(sealed.toByteArray()), download, dir.resolve("mine"), done -> { }).path();
            assertArrayEquals(java.nio.file.Files.readAllBytes(photo), java.nio.file.Files.readAllBytes(opened));
            assertEquals(SealedRefused.Reason.ANOTHER_ITEM, assertThrows(SealedRefused.class, () -> ItemUnsealer.unseal(
                    new java.io.ByteArrayInputStream(another.toByteArray()), download, dir.resolve("mine"), done -> { })).reason(),
                    "the same key sealed another id: the license is for this one only");
            assertThrows(LicenseRejected.class, () -> session.openSealed(license(session), box.did(), bytes(16, 10)));
        }
        assertThrows(IllegalStateException.class, () -> ItemUnsealer.unseal(
                new java.io.ByteArrayInputStream(sealed.toByteArray()), download, dir.resolve("later"), done -> { }));
    }

    @Test
    void aSlotDecryptsUnderTheLicensedKeyAcrossAnySplitOfOneKeystream() throws Exception {
        try (PlaybackSession playback = keys.begin()) {
            KeySlot slot = playback.open(license(playback), box.did(), contentId);
            byte[] iv = bytes(8, 3);
            byte[] sample = bytes(1000, 4);
            byte[] expected = jce(iv, sample);
            for (int[] cuts : new int[][] {{0, 1000}, {0, 15, 16, 17, 1000}, {0, 333, 334, 999, 1000}}) {
                byte[] data = sample.clone();
                for (int i = 0; i + 1 < cuts.length; i++) {
                    slot.decryptCtr(iv, cuts[i], data, cuts[i], cuts[i + 1] - cuts[i]);
                }
                assertArrayEquals(expected, data, Arrays.toString(cuts));
            }
        }
    }

    @Test
    void aSixteenByteIvCountsOnIntoItsHighBytes() throws Exception {
        byte[] iv = new byte[16];
        Arrays.fill(iv, 8, 16, (byte) 0xff);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, ContentKeySlot.counterBlock(iv, 1));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4}, ContentKeySlot.counterBlock(new byte[8], 260));
        try (PlaybackSession playback = keys.begin()) {
            KeySlot slot = playback.open(license(playback), box.did(), contentId);
            byte[] sample = bytes(64, 5);
            byte[] data = sample.clone();
            slot.decryptCtr(iv, 0, data, 0, 20);
            slot.decryptCtr(iv, 20, data, 20, 44);
            assertArrayEquals(jce(iv, sample), data);
        }
    }

    @Test
    void aSlotRefusesRangesOutsideItsDataAndIvsOfOtherSizes() throws Exception {
        try (PlaybackSession playback = keys.begin()) {
            KeySlot slot = playback.open(license(playback), box.did(), contentId);
            byte[] data = new byte[32];
            assertThrows(IndexOutOfBoundsException.class, () -> slot.decryptCtr(new byte[8], 0, data, 20, 13));
            assertThrows(IllegalArgumentException.class, () -> slot.decryptCtr(new byte[12], 0, data, 0, 32));
            assertThrows(IllegalArgumentException.class, () -> slot.decryptCtr(new byte[8], -1, data, 0, 32));
            assertArrayEquals(new byte[32], data, "nothing was touched");
        }
    }

    @Test
    void endingThePlaybackStopsItsSlotsAndRefusesNewLicenses() throws Exception {
        PlaybackSession playback = keys.begin();
        Envelope license = license(playback);
        KeySlot slot = playback.open(license, box.did(), contentId);
        playback.close();
        assertThrows(IllegalStateException.class, () -> slot.decryptCtr(new byte[8], 0, new byte[16], 0, 16));
        assertEquals(LicenseRejected.Reason.PLAYBACK_ENDED,
                assertThrows(LicenseRejected.class, () -> playback.open(license, box.did(), contentId)).reason());
    }

    @Test
    void refusesALicenseSignedByAnotherBox() {
        HostKey other = HostKey.loadOrCreate(dir.resolve("other.key"), new SecureRandom());
        try (PlaybackSession playback = keys.begin()) {
            Envelope forged = license(playback, contentId, contentKey, NOW.plusSeconds(60), other);
            assertEquals(LicenseRejected.Reason.NOT_FROM_THE_SELLER,
                    assertThrows(LicenseRejected.class, () -> playback.open(forged, box.did(), contentId)).reason());
        }
    }

    @Test
    void refusesALicenseForAnotherFilm() {
        try (PlaybackSession playback = keys.begin()) {
            Envelope other = license(playback, bytes(16, 9), contentKey, NOW.plusSeconds(60), box);
            assertEquals(LicenseRejected.Reason.ANOTHER_FILM,
                    assertThrows(LicenseRejected.class, () -> playback.open(other, box.did(), contentId)).reason());
        }
    }

    @Test
    void refusesALicenseSealedToAnotherPlayback() {
        try (PlaybackSession mine = keys.begin(); PlaybackSession theirs = keys.begin()) {
            assertFalse(Arrays.equals(mine.publicKey(), theirs.publicKey()), "each playback has its own key");
            assertEquals(LicenseRejected.Reason.ANOTHER_PLAYBACK,
                    assertThrows(LicenseRejected.class, () -> mine.open(license(theirs), box.did(), contentId)).reason());
        }
    }

    @Test
    void refusesAnExpiredLicenseButOpensOneValidToThisSecond() throws Exception {
        try (PlaybackSession playback = keys.begin()) {
            Envelope expired = license(playback, contentId, contentKey, NOW.minusSeconds(1), box);
            assertEquals(LicenseRejected.Reason.EXPIRED,
                    assertThrows(LicenseRejected.class, () -> playback.open(expired, box.did(), contentId)).reason());
            playback.open(license(playback, contentId, contentKey, NOW, box), box.did(), contentId);
        }
    }

    @Test
    void refusesASealThatDoesNotOpenEvenWhenTheBoxSignedIt() {
        try (PlaybackSession playback = keys.begin()) {
            LicenseSeal.Sealed good = LicenseSeal.seal(playback.publicKey(), contentId, contentKey);
            byte[] damaged = good.sealedKey();
            damaged[0] ^= 1;
            Envelope license = new License(contentId, HOLDER, playback.publicKey(), new LicenseSeal.Sealed(good.enc(), damaged),
                    NOW.plusSeconds(60)).sign(box);
            assertEquals(LicenseRejected.Reason.DAMAGED,
                    assertThrows(LicenseRejected.class, () -> playback.open(license, box.did(), contentId)).reason());
            Envelope noKey = license(playback, contentId, new byte[15], NOW.plusSeconds(60), box);
            assertEquals(LicenseRejected.Reason.DAMAGED,
                    assertThrows(LicenseRejected.class, () -> playback.open(noKey, box.did(), contentId)).reason());
        }
    }
}
