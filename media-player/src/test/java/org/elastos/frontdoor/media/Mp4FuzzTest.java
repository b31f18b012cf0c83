package org.elastos.frontdoor.media;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Whatever bytes arrive as an init segment or a media segment (from a seller's box, a stranger's, a damaged disk),
 * reading them gives boxes or an {@link Mp4Exception}, and so do reading the protection and decrypting: never a
 * crash, never an allocation larger than the bytes that came.
 */
class Mp4FuzzTest {
    private static final byte[] KEY = new byte[16];

    @FuzzTest
    void readsAnyBytesAsBoxesOrRefusesThem(byte[] input) {
        try {
            List<Box> boxes = Box.parseAll(input);
            long total = boxes.stream().mapToLong(Box::size).sum();
            if (total > input.length + 8L * boxes.size()) {
                throw new AssertionError("boxes claim " + total + " bytes out of " + input.length);
            }
        } catch (Mp4Exception refused) {
            // Not boxes.
        }
        try {
            CencDecryptor.Protection protection = CencDecryptor.protectionOf(input);
            CencDecryptor.clearInit(input);
            new CencDecryptor(KEY).segment(input, protection);
        } catch (Mp4Exception refused) {
            // Not an encrypted film we can read.
        }
        try {
            Track.of(Box.parseAll(input).stream().filter(b -> b.type().equals("moov")).findFirst().orElse(Box.container("moov", List.of())));
            new CencEncryptor(KEY, KEY, 1).segment(input, List.of(new Track(1, "vide", "avc1", 90000, 4), new Track(2, "soun", "mp4a", 48000, 0)));
        } catch (Mp4Exception refused) {
            // Not a segment we encrypt.
        }
    }
}
