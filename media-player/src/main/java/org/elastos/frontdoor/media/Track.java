package org.elastos.frontdoor.media;

import java.util.ArrayList;
import java.util.List;

/**
 * One track of a film as its init segment describes it.
 *
 * @param handler {@code vide} or {@code soun}
 * @param format the sample entry's format in the clear ({@code avc1}, {@code mp4a})
 * @param nalLengthSize bytes before each NAL unit in a video sample (from {@code avcC}); 0 for audio
 */
public record Track(long id, String handler, String format, long timescale, int nalLengthSize) {
    public boolean isVideo() {
        return handler.equals("vide");
    }

    /** Every audio and video track of a {@code moov}; a film has exactly one video track and at most one audio track. */
    static List<Track> of(Box moov) throws Mp4Exception {
        List<Track> tracks = new ArrayList<>();
        for (Box trak : moov.all("trak")) {
            Fields tkhd = new Fields(trak.require("tkhd").payload(), "tkhd");
            int version = tkhd.u8();
            tkhd.skip(3 + (version == 1 ? 16 : 8));
            long id = tkhd.u32();
            Box mdia = trak.require("mdia");
            Fields mdhd = new Fields(mdia.require("mdhd").payload(), "mdhd");
            int mdhdVersion = mdhd.u8();
            mdhd.skip(3 + (mdhdVersion == 1 ? 16 : 8));
            long timescale = mdhd.u32();
            Fields hdlr = new Fields(mdia.require("hdlr").payload(), "hdlr");
            hdlr.skip(8);
            String handler = new String(hdlr.bytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!handler.equals("vide") && !handler.equals("soun")) {
                continue;
            }
            Box entry = sampleEntry(trak);
            String format = entry.type();
            if (format.equals("encv") || format.equals("enca")) {
                Fields frma = new Fields(entry.require("sinf").require("frma").payload(), "frma");
                format = new String(frma.bytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            int nalLength = 0;
            if (handler.equals("vide")) {
                if (!format.equals("avc1")) {
                    throw new Mp4Exception("the video is " + format + ", not H.264 (avc1)");
                }
                byte[] avcC = entry.require("avcC").payload();
                if (avcC.length < 5) {
                    throw new Mp4Exception("the avcC box is too short");
                }
                nalLength = (avcC[4] & 3) + 1;
                if (nalLength == 3) {
                    throw new Mp4Exception("a NAL length of 3 bytes is not allowed");
                }
            } else if (!format.equals("mp4a")) {
                throw new Mp4Exception("the audio is " + format + ", not AAC (mp4a)");
            }
            tracks.add(new Track(id, handler, format, timescale, nalLength));
        }
        if (tracks.stream().filter(Track::isVideo).count() != 1 || tracks.size() > 2) {
            throw new Mp4Exception("a film has one video track and at most one audio track; this has " + tracks);
        }
        return tracks;
    }

    /** The one sample entry of a track (a film's tracks have one each). */
    static Box sampleEntry(Box trak) throws Mp4Exception {
        Box stsd = trak.require("mdia").require("minf").require("stbl").require("stsd");
        if (stsd.children().size() != 1) {
            throw new Mp4Exception("a track of a film has one sample description, not " + stsd.children().size());
        }
        return stsd.children().get(0);
    }
}
