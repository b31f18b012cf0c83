package org.elastos.frontdoor.media;

import java.nio.file.Path;
import java.util.List;

/**
 * A packaged film: an HLS playlist of CMAF segments (video and audio muxed in one rendition), encrypted under one
 * key whose id is {@code keyId}.
 *
 * @param codecs the RFC 6381 codecs string, like {@code avc1.64001f,mp4a.40.2}
 * @param segments each segment's file name and duration in seconds, in order
 */
public record Film(Path folder, String playlist, String init, List<Segment> segments, double durationSeconds,
                   String codecs, int width, int height, boolean hasAudio) {
    public record Segment(String file, double seconds) {
    }

    public Film {
        segments = List.copyOf(segments);
    }
}
