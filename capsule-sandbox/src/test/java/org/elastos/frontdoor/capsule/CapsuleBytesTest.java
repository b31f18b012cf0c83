package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes into and out of a real capsule's memory, and decryption under a key the capsule never sees. */
class CapsuleBytesTest {
    private static final byte[] KEY = "sixteen byte key".getBytes(StandardCharsets.US_ASCII);
    private static Signer publisher;
    private static byte[] wasm;

    @TempDir
    Path dir;
    private AuditLog audit;
    private CapsuleHost host;
    private final Grant decrypt = Grant.of("media.decrypt");

    @BeforeAll
    static void capsule() throws Exception {
        publisher = CapsuleHostTest.signer(CapsuleHostTest.SAMPLE_PHRASE);
        wasm = CapsuleBytesTest.class.getResourceAsStream("/bytes/bytes.wasm").readAllBytes();
    }

    @BeforeEach
    void host() throws Exception {
        TrustStore trust = new TrustStore(dir.resolve("trusted-publishers"));
        trust.trust(publisher.did());
        audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        host = new CapsuleHost(trust, audit, Files.createDirectories(dir.resolve("data")), CapsuleLimits.DEVICE_MAXIMUM);
    }

    private CapsuleBundle bundle(int pages) {
        return CapsuleHostTest.bundle(publisher, "bytes", wasm, List.of(decrypt), new CapsuleLimits(pages, Duration.ofSeconds(5)));
    }

    private LoadedCapsule load(KeySlot slot) {
        return host.load(bundle(16), List.of(decrypt), slot);
    }

    /** The keystream made from block zero, then the tail XORed: not how a real slot does it, so it checks one. */
    private static final KeySlot JCE = (iv, streamOffset, data, offset, length) -> {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(Arrays.copyOf(iv, 16)));
            byte[] stream = cipher.doFinal(new byte[(int) streamOffset + length]);
            for (int i = 0; i < length; i++) {
                data[offset + i] ^= stream[(int) streamOffset + i];
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void bytesGoInAndComeBackTransformedAndLonger() {
        try (LoadedCapsule capsule = load(JCE)) {
            byte[] input = "capsule".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals("eluspac".getBytes(StandardCharsets.US_ASCII), capsule.callWithBytes("reverse", input, input.length));
            byte[] big = random(300_000, 1);
            byte[] twice = capsule.callWithBytes("twice", big, 600_000);
            assertArrayEquals(big, Arrays.copyOfRange(twice, 0, big.length));
            assertArrayEquals(big, Arrays.copyOfRange(twice, big.length, twice.length));
            assertEquals(0, capsule.callWithBytes("reverse", new byte[0], 0).length);
        }
    }

    @Test
    void aRefusalCarriesTheCapsulesCodeAndLeavesItRunning() {
        try (LoadedCapsule capsule = load(JCE)) {
            CapsuleException.InputRefused refused = assertThrows(CapsuleException.InputRefused.class,
                    () -> capsule.callWithBytes("twice", new byte[10], 15));
            assertEquals(-2, refused.code());
            assertArrayEquals(new byte[] {2, 1}, capsule.callWithBytes("reverse", new byte[] {1, 2}, 2));
        }
    }

    @Test
    void inputLargerThanTheCapsulesMemoryIsRefusedBeforeItIsWritten() {
        try (LoadedCapsule capsule = host.load(bundle(4), List.of(decrypt), JCE)) {
            assertThrows(CapsuleException.InputTooLarge.class, () -> capsule.callWithBytes("reverse", new byte[10], 4 * 65536 + 1));
            assertThrows(IllegalArgumentException.class, () -> capsule.callWithBytes("reverse", new byte[10], 9));
            assertArrayEquals(new byte[] {2, 1}, capsule.callWithBytes("reverse", new byte[] {1, 2}, 2), "still running");
        }
    }

    @Test
    void aCapsuleClaimingMoreOutputThanItsRoomIsStopped() {
        try (LoadedCapsule capsule = load(JCE)) {
            assertThrows(CapsuleException.BufferRejected.class, () -> capsule.callWithBytes("overclaim", new byte[4], 8));
            assertThrows(CapsuleException.Trapped.class, () -> capsule.callWithBytes("reverse", new byte[4], 4), "stays stopped");
        }
        assertEquals("stop", audit.entries().get(audit.entries().size() - 1).event());
    }

    @Test
    void aCapsuleOfferingRoomOutsideItsMemoryIsStoppedBeforeAnythingIsWritten() {
        try (LoadedCapsule capsule = load(JCE)) {
            capsule.call("set_mode", 1);
            CapsuleException e = assertThrows(CapsuleException.BufferRejected.class, () -> capsule.callWithBytes("reverse", new byte[4], 4));
            assertTrue(e.getMessage().contains("outside its"), e.getMessage());
        }
    }

    @Test
    void decryptsUnderTheBoundKeyAcrossRangesOfOneKeystream() throws Exception {
        byte[] iv = random(8, 2);
        for (int length : new int[] {0, 3, 5, 16, 21, 4099}) {
            byte[] clear = random(length, length);
            byte[] input = ivThenCiphertext(iv, clear);
            try (LoadedCapsule capsule = load(JCE)) {
                byte[] output = capsule.callWithBytes("decrypt", input, input.length);
                assertArrayEquals(clear, Arrays.copyOfRange(output, 8, output.length), length + " bytes");
            }
        }
    }

    @Test
    void theCapsuleNeverHoldsTheClearBytesItHandsBack() throws Exception {
        byte[] clear = random(100, 4);
        byte[] input = ivThenCiphertext(random(8, 3), clear);
        byte[] encrypted = Arrays.copyOfRange(input, 8, input.length);
        try (LoadedCapsule capsule = load(JCE)) {
            byte[] output = capsule.callWithBytes("decrypt_and_copy", input, input.length + clear.length);
            assertArrayEquals(clear, Arrays.copyOfRange(output, 8, input.length), "the range it marked leaves clear");
            assertArrayEquals(encrypted, Arrays.copyOfRange(output, input.length, output.length),
                    "its own copy, made after marking, is what it held: ciphertext");
        }
    }

    @Test
    void markingBytesAPlainCallDoesNotHandBackStopsTheCapsule() {
        try (LoadedCapsule capsule = load(JCE)) {
            CapsuleException e = assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.call("decrypt_in_plain_call"));
            assertTrue(e.getMessage().contains("does not hand back"), e.getMessage());
        }
        assertTrue(lastDenial().contains("(it hands back none)"), lastDenial());
    }

    @Test
    void aMarkedRangePastTheOutputsEndStopsTheCapsuleBeforeAnythingIsDecrypted() {
        int[] used = {0};
        KeySlot counting = (iv, streamOffset, data, offset, length) -> used[0]++;
        try (LoadedCapsule capsule = load(counting)) {
            assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes("decrypt_past_output", new byte[24], 24));
            assertThrows(CapsuleException.Trapped.class, () -> capsule.callWithBytes("decrypt", new byte[24], 24), "stays stopped");
        }
        assertEquals(0, used[0]);
        assertTrue(lastDenial().contains("lie outside the 8 bytes handed back"), lastDenial());
    }

    @Test
    void aCapsuleMayHandBackOutputFromFurtherIntoItsRoomWithItsMarksDecryptedThere() throws Exception {
        for (int length : new int[] {0, 1, 16, 4099}) {
            byte[] clear = random(length, 10 + length);
            byte[] input = ivThenCiphertext(random(8, 9), clear);
            try (LoadedCapsule capsule = load(JCE)) {
                assertArrayEquals(clear, capsule.callWithBytes("drop_iv", input, input.length), length + " bytes");
                byte[] reversed = capsule.callWithBytes("reverse", new byte[] {1, 2, 3}, 3);
                assertArrayEquals(new byte[] {3, 2, 1}, reversed, "a call that does not move its output hands it back from the room's start");
            }
        }
    }

    @Test
    void outputPlacedOutsideTheRoomStopsTheCapsule() {
        try (LoadedCapsule capsule = load(JCE)) {
            CapsuleException e = assertThrows(CapsuleException.BufferRejected.class, () -> capsule.callWithBytes("output_past_room", new byte[20], 20));
            assertTrue(e.getMessage().contains("outside its room of 20 bytes"), e.getMessage());
            assertThrows(CapsuleException.Trapped.class, () -> capsule.callWithBytes("reverse", new byte[4], 4), "stays stopped");
        }
        try (LoadedCapsule capsule = load(JCE)) {
            capsule.call("set_mode", 5);
            assertThrows(CapsuleException.BufferRejected.class, () -> capsule.callWithBytes("reverse", new byte[4], 4));
        }
    }

    @Test
    void aMarkedRangeBeforeTheOutputsStartStopsTheCapsuleBeforeAnythingIsDecrypted() {
        int[] used = {0};
        KeySlot counting = (iv, streamOffset, data, offset, length) -> used[0]++;
        try (LoadedCapsule capsule = load(counting)) {
            assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes("decrypt_before_output", new byte[24], 24));
        }
        assertEquals(0, used[0]);
        assertTrue(lastDenial().contains("lie outside the 16 bytes handed back"), lastDenial());
    }

    @Test
    void moreRangesThanACallMayMarkStopsTheCapsule() {
        try (LoadedCapsule capsule = load(JCE)) {
            assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes("decrypt_too_many", new byte[16], 16));
        }
        assertEquals("media.decrypt: more than 65536 ranges in one call", lastDenial());
    }

    @Test
    void aMarkedRangeMayCoverTheWholeOutputItsOwnIvIncluded() throws Exception {
        byte[] input = random(40, 5);
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(Arrays.copyOf(Arrays.copyOf(input, 8), 16)));
        try (LoadedCapsule capsule = load(JCE)) {
            assertArrayEquals(cipher.doFinal(input), capsule.callWithBytes("decrypt_all", input, input.length));
        }
    }

    @Test
    void markingPastTheRoomOrANegativeLengthStopsTheCapsule() {
        try (LoadedCapsule capsule = load(JCE)) {
            assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes("decrypt_past_room", new byte[24], 24));
        }
        assertTrue(lastDenial().matches("media\\.decrypt: 24 bytes at [0-9]+, outside the bytes this call hands back \\([0-9]+ to [0-9]+\\)"),
                lastDenial());
        try (LoadedCapsule capsule = load(JCE)) {
            assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes("decrypt_negative", new byte[24], 24));
        }
        assertTrue(lastDenial().contains(", -1 bytes at "), lastDenial());
    }

    @Test
    void theMarksOfARefusedCallDoNotReachTheNextCall() throws Exception {
        byte[] clear = random(30, 7);
        byte[] input = ivThenCiphertext(random(8, 6), clear);
        try (LoadedCapsule capsule = load(JCE)) {
            assertEquals(-3, assertThrows(CapsuleException.InputRefused.class,
                    () -> capsule.callWithBytes("decrypt_and_refuse", input, input.length)).code());
            byte[] output = capsule.callWithBytes("decrypt", input, input.length);
            assertArrayEquals(clear, Arrays.copyOfRange(output, 8, output.length));
        }
    }

    @Test
    void anIvIsReadFromAnywhereInTheCapsulesMemoryAndNowhereElse() {
        for (int mode : new int[] {2, 4}) {
            try (LoadedCapsule capsule = load(JCE)) {
                capsule.call("set_mode", mode);
                assertEquals(16, capsule.callWithBytes("decrypt_iv_at", new byte[16], 16).length, "mode " + mode);
            }
        }
        try (LoadedCapsule capsule = load(JCE)) {
            capsule.call("set_mode", 3);
            assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes("decrypt_iv_at", new byte[16], 16));
        }
        assertTrue(lastDenial().startsWith("media.decrypt: an IV of 8 bytes at "), lastDenial());
    }

    /** An 8-byte IV, then {@code clear} encrypted under {@link #KEY} from that IV's block zero. */
    private static byte[] ivThenCiphertext(byte[] iv, byte[] clear) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(Arrays.copyOf(iv, 16)));
        byte[] input = new byte[8 + clear.length];
        System.arraycopy(iv, 0, input, 0, 8);
        System.arraycopy(cipher.doFinal(clear), 0, input, 8, clear.length);
        return input;
    }

    private String lastDenial() {
        return audit.entries().stream().filter(e -> e.event().equals("deny")).reduce((a, b) -> b).orElseThrow().detail();
    }

    @Test
    void theGrantTheFirstUseAndTheTotalGoToTheAuditLogOnce() {
        byte[] input = new byte[8 + 40];
        try (LoadedCapsule capsule = load(JCE)) {
            capsule.callWithBytes("decrypt", input, input.length);
            capsule.callWithBytes("decrypt", input, input.length);
            capsule.close();
        }
        List<String> trail = audit.entries().stream().map(e -> e.event() + " " + e.detail()).toList();
        assertEquals(List.of("grant media.decrypt", "load 1.0.0 from " + publisher.did(), "use media.decrypt: first range, 5 bytes",
                "use media.decrypt: 4 ranges, 80 bytes in all"), trail);
    }

    @Test
    void decryptingOutsideItsMemoryOrWithAnotherIvSizeStopsTheCapsule() {
        for (String export : List.of("decrypt_outside", "decrypt_bad_iv")) {
            try (LoadedCapsule capsule = load(JCE)) {
                assertThrows(CapsuleException.CapabilityDenied.class, () -> capsule.callWithBytes(export, new byte[16], 16));
            }
            AuditLog.Entry denial = audit.entries().stream().filter(e -> e.event().equals("deny")).reduce((a, b) -> b).orElseThrow();
            assertTrue(denial.detail().startsWith("media.decrypt:"), denial.detail());
        }
    }

    @Test
    void withoutAKeySlotTheDecryptGrantIsNoGrant() {
        CapsuleException e = assertThrows(CapsuleException.UngrantedImport.class, () -> host.load(bundle(16), List.of(decrypt)));
        assertTrue(e.getMessage().contains("media.decrypt was not granted"), e.getMessage());
    }

    @Test
    void aSlotThatRefusesToWorkEndsTheCallNotTheApp() {
        KeySlot closed = (iv, streamOffset, data, offset, length) -> {
            throw new IllegalStateException("this playback has ended");
        };
        try (LoadedCapsule capsule = load(closed)) {
            CapsuleException e = assertThrows(CapsuleException.Trapped.class, () -> capsule.callWithBytes("decrypt", new byte[20], 20));
            assertTrue(e.getMessage().contains("this playback has ended"), e.getMessage());
        }
    }
}
