package org.elastos.frontdoor.media;

import java.util.ArrayList;
import java.util.List;

/**
 * How a video sample is split into clear and protected ranges: each NAL unit's length field and header stay clear
 * (players and parsers must read them), so do parameter sets, SEI and every NAL unit that is not a picture slice;
 * a slice's remaining bytes are protected in a whole number of 16-byte blocks, the few left over kept clear before
 * them. Neighbouring clear ranges merge, and no clear range passes 65535 bytes (its field has 16 bits).
 */
final class Subsamples {
    private Subsamples() {
    }

    /** Pairs of (clear bytes, protected bytes) covering the sample exactly. */
    static List<int[]> of(byte[] data, int from, int size, int lengthSize, int maxSubsamples, int maxClear) throws Mp4Exception {
        List<int[]> pairs = new ArrayList<>();
        long clear = 0;
        int at = from;
        int end = from + size;
        while (at < end) {
            if (end - at < lengthSize) {
                throw new Mp4Exception("a video sample ends inside a NAL unit's length");
            }
            long nal = 0;
            for (int i = 0; i < lengthSize; i++) {
                nal = (nal << 8) | (data[at + i] & 0xff);
            }
            if (nal < 1 || nal > end - at - lengthSize) {
                throw new Mp4Exception("a NAL unit of " + nal + " bytes does not fit its sample");
            }
            int type = data[at + lengthSize] & 0x1f;
            boolean slice = type >= 1 && type <= 5;
            long body = nal - 1;
            long protect = slice && pairs.size() < maxSubsamples - 1 ? body - body % 16 : 0;
            clear += lengthSize + nal - protect;
            if (protect > 0) {
                while (clear > maxClear) {
                    pairs.add(new int[] {maxClear, 0});
                    clear -= maxClear;
                }
                pairs.add(new int[] {(int) clear, (int) protect});
                clear = 0;
            }
            at += lengthSize + (int) nal;
        }
        while (clear > maxClear) {
            pairs.add(new int[] {maxClear, 0});
            clear -= maxClear;
        }
        if (clear > 0 || pairs.isEmpty()) {
            pairs.add(new int[] {(int) clear, 0});
        }
        return pairs;
    }
}
