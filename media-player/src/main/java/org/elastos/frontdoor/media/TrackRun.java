package org.elastos.frontdoor.media;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one track fragment's samples are: the sizes its {@code tfhd} and {@code trun} boxes give, and where in the
 * segment each begins. Only fragments whose offsets count from their {@code moof} (CMAF's rule) are read.
 */
record TrackRun(long trackId, List<Long> sampleOffsets, List<Integer> sampleSizes) {
    private static final int BASE_DATA_OFFSET = 0x1;
    private static final int DEFAULT_SIZE = 0x10;
    private static final int BASE_IS_MOOF = 0x20000;
    private static final int RUN_DATA_OFFSET = 0x1;
    private static final int RUN_FIRST_FLAGS = 0x4;
    private static final int RUN_DURATION = 0x100;
    private static final int RUN_SIZE = 0x200;
    private static final int RUN_FLAGS = 0x400;
    private static final int RUN_CTO = 0x800;

    /** @param moofStart where the {@code moof} begins in the segment; sample offsets are in the segment too */
    static TrackRun of(Box traf, long moofStart, long segmentLength) throws Mp4Exception {
        Fields tfhd = new Fields(traf.require("tfhd").payload(), "tfhd");
        int flags = (int) (tfhd.u32() & 0xffffff);
        long trackId = tfhd.u32();
        if ((flags & BASE_DATA_OFFSET) != 0 || (flags & BASE_IS_MOOF) == 0) {
            throw new Mp4Exception("track fragments must count their data from their moof (CMAF), not from elsewhere");
        }
        if ((flags & 0x2) != 0) {
            tfhd.skip(4);
        }
        if ((flags & 0x8) != 0) {
            tfhd.skip(4);
        }
        long defaultSize = (flags & DEFAULT_SIZE) != 0 ? tfhd.u32() : -1;
        List<Long> offsets = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Box trun : traf.all("trun")) {
            Fields run = new Fields(trun.payload(), "trun");
            int runFlags = (int) (run.u32() & 0xffffff);
            long count = run.u32();
            if ((runFlags & RUN_DATA_OFFSET) == 0) {
                throw new Mp4Exception("a trun without a data offset is not read here");
            }
            long position = moofStart + run.s32();
            if ((runFlags & RUN_FIRST_FLAGS) != 0) {
                run.skip(4);
            }
            int each = 4 * Integer.bitCount(runFlags & (RUN_DURATION | RUN_SIZE | RUN_FLAGS | RUN_CTO));
            int samples = run.count(count, each);
            for (int i = 0; i < samples; i++) {
                if ((runFlags & RUN_DURATION) != 0) {
                    run.skip(4);
                }
                long size = (runFlags & RUN_SIZE) != 0 ? run.u32() : defaultSize;
                if ((runFlags & RUN_FLAGS) != 0) {
                    run.skip(4);
                }
                if ((runFlags & RUN_CTO) != 0) {
                    run.skip(4);
                }
                if (size < 0 || position < 0 || position + size > segmentLength) {
                    throw new Mp4Exception("a sample of track " + trackId + " lies outside the segment");
                }
                offsets.add(position);
                sizes.add((int) size);
                position += size;
            }
        }
        return new TrackRun(trackId, offsets, sizes);
    }

    /** Adds {@code delta} to every trun's data offset (after the moof grew or shrank by that much). */
    static void shiftDataOffsets(Box traf, int delta) {
        for (Box trun : traf.all("trun")) {
            byte[] payload = trun.payload();
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            buffer.putInt(8, buffer.getInt(8) + delta);
            trun.setPayload(payload);
        }
    }

}
