package org.elastos.frontdoor.media.play;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seller's playlist, read strictly: what ffmpeg writes for us passes, and nothing pointing elsewhere does. */
class FilmPlanTest {
    private static final String FFMPEG = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:4
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-MAP:URI="init.mp4"
            #EXTINF:4.000000,
            seg-0000.m4s
            #EXTINF:4.000000,
            seg-0001.m4s
            #EXTINF:2.500000,
            seg-0002.m4s
            #EXT-X-ENDLIST
            """;

    private static FilmPlan parse(String text) {
        return FilmPlan.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheInitTheSegmentsAndTheirDurations() {
        FilmPlan plan = parse(FFMPEG);
        assertEquals("init.mp4", plan.init());
        assertEquals(List.of(new FilmPlan.Segment("seg-0000.m4s", 4), new FilmPlan.Segment("seg-0001.m4s", 4),
                new FilmPlan.Segment("seg-0002.m4s", 2.5)), plan.segments());
        assertEquals(10.5, plan.durationSeconds(), 1e-9);
        assertEquals(plan, parse(FFMPEG.replace("\n", "\r\n")));
    }

    @Test
    void refusesAPlaylistPointingAnywhereElse() {
        for (String hostile : List.of(FFMPEG.replace("seg-0001.m4s", "http://elsewhere/seg.m4s"),
                FFMPEG.replace("seg-0001.m4s", "../../secret"),
                FFMPEG.replace("URI=\"init.mp4\"", "URI=\"http://elsewhere/init.mp4\""),
                FFMPEG.replace("#EXTM3U\n", ""),
                FFMPEG.replace("#EXTINF:4.000000,\nseg-0001", "seg-0001"),
                FFMPEG.replace("#EXT-X-MAP:URI=\"init.mp4\"\n", ""),
                FFMPEG.replace("#EXT-X-MAP:URI=\"init.mp4\"", "#EXT-X-MAP:URI=\"init.mp4\"\n#EXT-X-MAP:URI=\"other.mp4\""),
                "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXT-X-ENDLIST\n",
                FFMPEG.replace("#EXTINF:2.500000,", "#EXTINF:0,"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(hostile), hostile);
            assertTrue(!e.getMessage().isBlank());
        }
    }

    @Test
    void refusesAPlaylistLargerThanItsBoundBeforeReadingIt() {
        byte[] huge = new byte[FilmPlan.MAX_PLAYLIST_BYTES + 1];
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FilmPlan.parse(huge)).getMessage().contains("KiB"));
    }
}
