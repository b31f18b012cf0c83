package org.elastos.frontdoor.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The segment that follows on from another: on ffmpeg's own HLS, it starts exactly where the next real one does. */
class FollowingSegmentTest {
    @TempDir
    Path dir;

    @Test
    void aSegmentMovedOnByItsLengthStartsWhereTheNextOneStartsInEveryTrack() throws Exception {
        Path hls = TestFilms.clearHls(TestFilms.h264Aac(12), dir.resolve("hls"));
        byte[] first = Files.readAllBytes(hls.resolve("seg-000.m4s"));
        byte[] second = Files.readAllBytes(hls.resolve("seg-001.m4s"));

        byte[] following = FollowingSegment.after(first);
        assertEquals(first.length, following.length);
        assertEquals(decodeTimes(second), decodeTimes(following), "audio and video both start where the next segment does");
        assertEquals(sequence(first) + 1, sequence(following));
        assertFalse(Arrays.equals(first, following));
        assertArrayEquals(Arrays.copyOfRange(first, first.length - 4096, first.length),
                Arrays.copyOfRange(following, following.length - 4096, following.length), "the samples are untouched");
    }

    @Test
    void bytesThatAreNotAFragmentAreRefusedWithATypedError() throws Exception {
        Path hls = TestFilms.clearHls(TestFilms.h264Aac(12), dir.resolve("hls"));
        assertThrows(Mp4Exception.class, () -> FollowingSegment.after(Files.readAllBytes(hls.resolve("init.mp4"))));
        assertThrows(Mp4Exception.class, () -> FollowingSegment.after(new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'f'}));
        assertThrows(Mp4Exception.class, () -> FollowingSegment.after(new byte[3]));
    }

    private static List<Long> decodeTimes(byte[] segment) throws Mp4Exception {
        List<Long> times = new ArrayList<>();
        for (Box box : Box.parseAll(segment)) {
            if (box.type().equals("moof")) {
                for (Box traf : box.all("traf")) {
                    ByteBuffer tfdt = ByteBuffer.wrap(traf.require("tfdt").payload());
                    times.add(tfdt.get(0) == 1 ? tfdt.getLong(4) : Integer.toUnsignedLong(tfdt.getInt(4)));
                }
            }
        }
        return times;
    }

    private static long sequence(byte[] segment) throws Mp4Exception {
        for (Box box : Box.parseAll(segment)) {
            if (box.type().equals("moof")) {
                return Integer.toUnsignedLong(ByteBuffer.wrap(box.require("mfhd").payload()).getInt(4));
            }
        }
        throw new AssertionError("no moof");
    }
}
