package org.elastos.frontdoor.media.capsule;

import org.elastos.frontdoor.capsule.CapsuleException;
import org.elastos.frontdoor.capsule.CapsuleHost;
import org.elastos.frontdoor.capsule.JitLimit;
import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.CencEncryptor;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ffmpeg's film, encrypted by our packager, decrypted by the signed WASM capsule through a key slot: the same bytes
 * as the Java reader gives, and no damaged segment gets out of the sandbox.
 */
class DecryptCapsuleTest {
    private static final byte[] KEY = new byte[16];
    private static final byte[] KID = new byte[16];
    private static byte[] encryptedInit;
    private static CencDecryptor.Protection protection;
    private static final List<byte[]> encrypted = new ArrayList<>();

    @TempDir
    Path dir;
    private HostKey box;
    private AuditLog audit;
    private PlaybackSession playback;
    private KeySlot slot;

    @BeforeAll
    static void film() throws Exception {
        Path hls = TestFilms.clearHls(TestFilms.h264Aac(10), Files.createTempDirectory("decrypt-capsule-"));
        new SecureRandom().nextBytes(KEY);
        new SecureRandom().nextBytes(KID);
        CencEncryptor encryptor = new CencEncryptor(KEY, KID, new SecureRandom().nextLong());
        encryptedInit = encryptor.init(Files.readAllBytes(hls.resolve("init.mp4")), "{}".getBytes());
        protection = CencDecryptor.protectionOf(encryptedInit);
        try (Stream<Path> files = Files.list(hls)) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".m4s")).sorted().toList()) {
                encrypted.add(encryptor.segment(Files.readAllBytes(segment), protection.tracks()));
            }
        }
    }

    @BeforeEach
    void playback() throws Exception {
        box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        playback = new KeyService(Clock.systemUTC()).begin();
        LicenseSeal.Sealed sealed = LicenseSeal.seal(playback.publicKey(), KID, KEY);
        slot = playback.open(new License(KID, new EvmAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), playback.publicKey(),
                sealed, java.time.Instant.now().plus(Duration.ofHours(1))).sign(box), box.did(), KID);
    }

    private DecryptCapsule capsule() throws Exception {
        return DecryptCapsule.load(encryptedInit, slot, audit, dir);
    }

    @Test
    void everyFunctionOfTheCompiledCapsuleIsShortEnoughForTheJit() {
        Map<String, Integer> lengths = JitLimit.methodLengths("org.elastos.frontdoor.media.capsule.DecryptModule");
        assertTrue(lengths.values().stream().anyMatch(length -> length > 1000), "the parser is measured: " + lengths);
        lengths.forEach((method, length) -> assertTrue(length <= JitLimit.HUGE_METHOD, method + " has " + length
                + " bytes of bytecode, past HotSpot's limit of " + JitLimit.HUGE_METHOD + ": it would run interpreted, at a"
                + " fraction of the speed. Keep decrypt.c's helpers noinline."));
    }

    @Test
    void theCapsuleGivesTheSameClearFilmAsTheJavaReader() throws Exception {
        CencDecryptor reader = new CencDecryptor(KEY);
        try (DecryptCapsule capsule = capsule()) {
            assertArrayEquals(CencDecryptor.clearInit(encryptedInit), capsule.clearInit());
            assertTrue(encrypted.size() >= 2);
            for (byte[] segment : encrypted) {
                assertArrayEquals(reader.segment(segment, protection), capsule.segment(segment));
            }
        }
        String publisher = CapsuleHost.verify(DecryptCapsule.bundle()).publisher().value();
        List<String> trail = audit.entries().stream().map(e -> e.subject() + " " + e.event() + " "
                + (e.event().equals("load") ? e.detail() : e.detail().replaceAll("[0-9]+", "N"))).toList();
        assertEquals(List.of("decrypt grant media.decrypt", "decrypt load 1.2.0 from " + publisher,
                "decrypt use media.decrypt: first range, N bytes", "decrypt use media.decrypt: N ranges, N bytes in all"), trail);
    }

    @Test
    void inASegmentOfThreeFragmentsEachRangeIsDecryptedWhereItsFragmentMovedTo() throws Exception {
        // Each fragment's sample offsets count from its own moof, so segments joined end to end are one segment of
        // several fragments; the boxes taken out of each moof move every later fragment further back.
        ByteBuffer joined = ByteBuffer.allocate(encrypted.get(0).length + encrypted.get(1).length + encrypted.get(0).length);
        joined.put(encrypted.get(0)).put(encrypted.get(1)).put(encrypted.get(0));
        CencDecryptor reader = new CencDecryptor(KEY);
        try (DecryptCapsule capsule = capsule()) {
            byte[] clear = capsule.segment(joined.array());
            assertArrayEquals(reader.segment(joined.array(), protection), clear);
            byte[] first = reader.segment(encrypted.get(0), protection);
            byte[] second = reader.segment(encrypted.get(1), protection);
            assertEquals(2 * first.length + second.length, clear.length);
            assertArrayEquals(first, java.util.Arrays.copyOfRange(clear, first.length + second.length, clear.length));
        }
    }

    @Test
    void aSegmentOfUpTo2048FragmentsIsReadAndOneMoreIsRefusedByName() throws Exception {
        byte[] segment = encrypted.get(1);
        byte[] most = ByteBuffer.allocate(2047 * EMPTY_FRAGMENT + segment.length).put(emptyFragments(2047)).put(segment).array();
        byte[] tooMany = ByteBuffer.allocate(2048 * EMPTY_FRAGMENT + segment.length).put(emptyFragments(2048)).put(segment).array();
        try (DecryptCapsule capsule = capsule()) {
            assertArrayEquals(new CencDecryptor(KEY).segment(most, protection), capsule.segment(most));
            assertEquals(DecryptCapsule.Refusal.UNSUPPORTED_LAYOUT, assertThrows(DecryptCapsule.SegmentRefused.class,
                    () -> capsule.segment(tooMany)).refusal());
            assertArrayEquals(new CencDecryptor(KEY).segment(segment, protection), capsule.segment(segment));
        }
    }

    private static final int EMPTY_FRAGMENT = 8 + 16 + 8;

    /** Fragments with no samples: a moof holding only its mfhd, and an empty mdat. */
    private static byte[] emptyFragments(int count) {
        ByteBuffer fragments = ByteBuffer.allocate(count * EMPTY_FRAGMENT);
        for (int i = 0; i < count; i++) {
            fragments.putInt(24).put("moof".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            fragments.putInt(16).put("mfhd".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0).putInt(i + 1);
            fragments.putInt(8).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return fragments.array();
    }

    @Test
    void aDamagedSegmentIsRefusedByNameAndTheNextOneStillPlays() throws Exception {
        byte[] segment = encrypted.get(0);
        try (DecryptCapsule capsule = capsule()) {
            byte[] oversized = segment.clone();
            ByteBuffer.wrap(oversized).putInt(0, segment.length + 1);
            assertEquals(DecryptCapsule.Refusal.MALFORMED, assertThrows(DecryptCapsule.SegmentRefused.class,
                    () -> capsule.segment(oversized)).refusal());
            byte[] truncated = java.util.Arrays.copyOf(segment, segment.length - 100);
            assertEquals(DecryptCapsule.Refusal.MOOF_WITHOUT_MDAT, assertThrows(DecryptCapsule.SegmentRefused.class,
                    () -> capsule.segment(truncated)).refusal());
            byte[] noMdat = java.util.Arrays.copyOf(segment, moofEnd(segment));
            assertEquals(DecryptCapsule.Refusal.MOOF_WITHOUT_MDAT, assertThrows(DecryptCapsule.SegmentRefused.class,
                    () -> capsule.segment(noMdat)).refusal());
            assertEquals(DecryptCapsule.Refusal.TOO_LARGE, assertThrows(DecryptCapsule.SegmentRefused.class,
                    () -> capsule.segment(new byte[DecryptCapsule.MAX_SEGMENT_BYTES + 1])).refusal());
            assertArrayEquals(new CencDecryptor(KEY).segment(encrypted.get(1), protection), capsule.segment(encrypted.get(1)));
        }
    }

    /** Where the first moof ends (the boxes before it included). */
    private static int moofEnd(byte[] segment) {
        ByteBuffer buffer = ByteBuffer.wrap(segment);
        int at = 0;
        while (true) {
            int size = buffer.getInt(at);
            boolean moof = buffer.get(at + 4) == 'm' && buffer.get(at + 5) == 'o' && buffer.get(at + 6) == 'o';
            at += size;
            if (moof) {
                return at;
            }
        }
    }

    @Test
    void randomDamageNeverEscapesTheSandbox() throws Exception {
        Random random = new Random(7);
        int refused = 0;
        int stopped = 0;
        DecryptCapsule capsule = capsule();
        for (int round = 0; round < 150; round++) {
            byte[] damaged = encrypted.get(round % encrypted.size()).clone();
            int moof = moofEnd(damaged);
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(moof)] = (byte) random.nextInt(256);
            }
            try {
                capsule.segment(damaged);
            } catch (DecryptCapsule.SegmentRefused e) {
                refused++;
            } catch (CapsuleException e) {
                stopped++;
                capsule.close();
                capsule = capsule();
            }
        }
        capsule.close();
        assertTrue(refused > 0, "some damage is refused by name: " + refused + " refused, " + stopped + " stopped");
    }

    @Test
    void onceThePlaybackEndsTheCapsuleCanDecryptNothing() throws Exception {
        try (DecryptCapsule capsule = capsule()) {
            capsule.segment(encrypted.get(0));
            playback.close();
            CapsuleException e = assertThrows(CapsuleException.class, () -> capsule.segment(encrypted.get(0)));
            assertTrue(e.getMessage().contains("playback has ended"), e.getMessage());
        }
    }

    @Test
    void theShippedBundleIsTheModuleCompiledInThisBuild() throws Exception {
        byte[] module = DecryptCapsule.class.getResourceAsStream(DecryptCapsule.MODULE).readAllBytes();
        assertArrayEquals(module, DecryptCapsule.bundle().wasm(),
                "decrypt.capsule holds another module than decrypt.wasm: re-sign it (media-player/README.md)");
    }
}
