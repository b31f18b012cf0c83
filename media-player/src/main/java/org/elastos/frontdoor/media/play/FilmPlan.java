package org.elastos.frontdoor.media.play;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a playback needs to know of a film: its init segment and its media segments with their durations, read from
 * the seller's HLS playlist. The playlist comes from a stranger's box, so it is read strictly: bounded, only our
 * packager's file names, no URIs, and the bridge writes its own playlist from this plan rather than passing the
 * seller's text on.
 */
public record FilmPlan(String init, List<Segment> segments) {
    /** The most a playlist may be: 10,000 segments of 4 s (11 hours) fit well within it. */
    public static final int MAX_PLAYLIST_BYTES = 512 * 1024;
    private static final Pattern SEGMENT = Pattern.compile("seg-\\d{3,6}\\.m4s");
    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([a-z0-9_-]{1,40}\\.mp4)\"");
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:(\\d{1,4}(\\.\\d{1,6})?),.*");

    /** One media segment: its file name and duration in seconds. */
    public record Segment(String name, double seconds) {
    }

    public FilmPlan {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a film has at least one segment");
        }
    }

    public double durationSeconds() {
        return segments.stream().mapToDouble(Segment::seconds).sum();
    }

    /** @throws IllegalArgumentException saying what is wrong, when the playlist is not one our packager writes */
    public static FilmPlan parse(byte[] playlist) {
        if (playlist.length > MAX_PLAYLIST_BYTES) {
            throw new IllegalArgumentException("the playlist is larger than " + MAX_PLAYLIST_BYTES / 1024 + " KiB");
        }
        String[] lines = new String(playlist, StandardCharsets.UTF_8).split("\r?\n");
        if (lines.length == 0 || !lines[0].equals("#EXTM3U")) {
            throw new IllegalArgumentException("the playlist does not begin with #EXTM3U");
        }
        String init = null;
        double seconds = -1;
        List<Segment> segments = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            var map = MAP.matcher(line);
            var extinf = EXTINF.matcher(line);
            if (map.matches()) {
                if (init != null) {
                    throw new IllegalArgumentException("the playlist names two init segments");
                }
                init = map.group(1);
            } else if (extinf.matches()) {
                seconds = Double.parseDouble(extinf.group(1));
            } else if (SEGMENT.matcher(line).matches()) {
                if (seconds <= 0) {
                    throw new IllegalArgumentException("segment " + line + " has no duration before it");
                }
                segments.add(new Segment(line, seconds));
                seconds = -1;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                throw new IllegalArgumentException("line " + (i + 1) + " names a file our packager does not write");
            }
        }
        if (init == null) {
            throw new IllegalArgumentException("the playlist names no init segment (#EXT-X-MAP)");
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the playlist names no segments");
        }
        return new FilmPlan(init, segments);
    }
}
