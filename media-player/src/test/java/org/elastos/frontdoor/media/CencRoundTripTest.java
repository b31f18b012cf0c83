package org.elastos.frontdoor.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ffmpeg's clear segments, encrypted by our encryptor and opened by the separately written decryptor. */
class CencRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void theDecryptorGivesBackTheClearSegmentsByteForByte() throws Exception {
        Path hls = TestFilms.clearHls(TestFilms.h264Aac(10), dir.resolve("clear"));
        byte[] key = new byte[16];
        byte[] kid = new byte[16];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(kid);
        CencEncryptor encryptor = new CencEncryptor(key, kid, new SecureRandom().nextLong());
        byte[] init = Files.readAllBytes(hls.resolve("init.mp4"));
        byte[] encryptedInit = encryptor.init(init, "{}".getBytes());
        CencDecryptor.Protection protection = CencDecryptor.protectionOf(encryptedInit);
        assertArrayEquals(kid, protection.keyId());
        assertEquals(8, protection.ivSize());
        assertArrayEquals(init, CencDecryptor.clearInit(encryptedInit));

        List<Path> segments;
        try (Stream<Path> files = Files.list(hls)) {
            segments = files.filter(f -> f.toString().endsWith(".m4s")).sorted().toList();
        }
        assertTrue(segments.size() >= 2, "segments of about 4 s: " + segments);
        CencDecryptor decryptor = new CencDecryptor(key);
        for (Path segment : segments) {
            byte[] clear = Files.readAllBytes(segment);
            byte[] encrypted = encryptor.segment(clear, protection.tracks());
            assertFalse(new String(encrypted, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(new String(java.util.Arrays.copyOfRange(clear, clear.length - 4096, clear.length - 4000),
                            java.nio.charset.StandardCharsets.ISO_8859_1)), "the end of the mdat is not in the clear");
            assertArrayEquals(withoutSidx(clear), decryptor.segment(encrypted, protection), segment.getFileName().toString());
        }
    }

    private static byte[] withoutSidx(byte[] segment) throws Mp4Exception {
        List<Box> boxes = new ArrayList<>(Box.parseAll(segment));
        boxes.removeIf(box -> box.type().equals("sidx"));
        return Box.toBytes(boxes);
    }
}
