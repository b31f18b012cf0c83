package org.elastos.frontdoor.media;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A copy of a clear media segment (one CMAF fragment) moved on in time by its own length: each track fragment's
 * decode time ({@code tfdt}) advanced by the sum of its samples' durations (as its {@code trun} or {@code tfhd}
 * states them; a fragment that leaves them to the init segment's {@code trex} is refused), and the fragment's
 * sequence number by one. Served
 * after a film's last segment, it lets a player that holds back the final segment of a playlist (JavaFX does) play
 * the real last one whole, instead of stalling or skipping it as it does with a repeat carrying the same times.
 */
public final class FollowingSegment {
    private static final int TFHD_BASE_DATA_OFFSET = 0x1;
    private static final int TFHD_DESCRIPTION = 0x2;
    private static final int TFHD_DEFAULT_DURATION = 0x8;
    private static final int TRUN_DATA_OFFSET = 0x1;
    private static final int TRUN_FIRST_FLAGS = 0x4;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_EACH = 0x100 | 0x200 | 0x400 | 0x800;

    private FollowingSegment() {
    }

    /**
     * @throws Mp4Exception when the segment is not one of fragments this can move: no {@code moof}, a fragment
     *                      without {@code tfdt}, or sample durations it does not state
     */
    public static byte[] after(byte[] segment) throws Mp4Exception {
        try {
            return moved(segment);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new Mp4Exception("a track fragment is shorter than its fields say", e);
        }
    }

    private static byte[] moved(byte[] segment) throws Mp4Exception {
        List<Box> boxes = Box.parseAll(segment);
        if (boxes.stream().filter(box -> box.type().equals("moof")).count() != 1) {
            throw new Mp4Exception("a segment to move on holds exactly one fragment (CMAF)");
        }
        boolean moved = false;
        for (Box moof : boxes) {
            if (!moof.type().equals("moof")) {
                continue;
            }
            moof.child("mfhd").ifPresent(mfhd -> {
                ByteBuffer fields = ByteBuffer.wrap(mfhd.payload());
                if (fields.remaining() >= 8) {
                    long sequence = Integer.toUnsignedLong(fields.getInt(4));
                    fields.putInt(4, (int) (sequence + 1));
                    mfhd.setPayload(fields.array());
                }
            });
            for (Box traf : moof.all("traf")) {
                long duration = duration(traf);
                Box tfdt = traf.require("tfdt");
                ByteBuffer fields = ByteBuffer.wrap(tfdt.payload());
                int version = fields.remaining() >= 4 ? fields.get(0) : -1;
                if (version == 1 && fields.remaining() >= 12) {
                    fields.putLong(4, Math.addExact(fields.getLong(4), duration));
                } else if (version == 0 && fields.remaining() >= 8) {
                    long next = Integer.toUnsignedLong(fields.getInt(4)) + duration;
                    if (next > 0xffffffffL) {
                        throw new Mp4Exception("the moved decode time does not fit a version 0 tfdt");
                    }
                    fields.putInt(4, (int) next);
                } else {
                    throw new Mp4Exception("a tfdt of version " + version + " is not read here");
                }
                tfdt.setPayload(fields.array());
                moved = true;
            }
        }
        if (!moved) {
            throw new Mp4Exception("a media segment holds at least one track fragment");
        }
        byte[] following = Box.toBytes(boxes);
        if (following.length != segment.length) {
            throw new Mp4Exception("the segment did not keep its layout when moved");
        }
        return following;
    }

    /** A track fragment's length in its track's timescale: each sample's duration, or the fragment's default. */
    private static long duration(Box traf) throws Mp4Exception {
        ByteBuffer tfhd = ByteBuffer.wrap(traf.require("tfhd").payload());
        int flags = tfhd.getInt() & 0xffffff;
        tfhd.getInt();
        if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
            tfhd.getLong();
        }
        if ((flags & TFHD_DESCRIPTION) != 0) {
            tfhd.getInt();
        }
        long fallback = (flags & TFHD_DEFAULT_DURATION) != 0 ? Integer.toUnsignedLong(tfhd.getInt()) : -1;
        long total = 0;
        for (Box trun : traf.all("trun")) {
            ByteBuffer run = ByteBuffer.wrap(trun.payload());
            int runFlags = run.getInt() & 0xffffff;
            long count = Integer.toUnsignedLong(run.getInt());
            if ((runFlags & TRUN_DATA_OFFSET) != 0) {
                run.getInt();
            }
            if ((runFlags & TRUN_FIRST_FLAGS) != 0) {
                run.getInt();
            }
            int each = 4 * Integer.bitCount(runFlags & TRUN_EACH);
            if (each > 0 && count > run.remaining() / each) {
                throw new Mp4Exception("a trun names more samples than it holds");
            }
            if ((runFlags & TRUN_DURATION) == 0) {
                if (fallback < 0) {
                    throw new Mp4Exception("a track fragment that does not say how long its samples last");
                }
                total = Math.addExact(total, Math.multiplyExact(fallback, count));
                continue;
            }
            for (long i = 0; i < count; i++) {
                total = Math.addExact(total, Integer.toUnsignedLong(run.getInt()));
                run.position(run.position() + each - 4);
            }
        }
        return total;
    }
}
