package org.elastos.frontdoor.media;

/** Where a box sits inside another, counted from the start of the outer one, as it will be written. */
final class Layout {
    private Layout() {
    }

    static long offsetOf(Box outer, Box inner) throws Mp4Exception {
        long found = find(outer, inner, 0);
        if (found < 0) {
            throw new Mp4Exception("the " + inner.type() + " box is not inside the " + outer.type() + " box");
        }
        return found;
    }

    private static long find(Box box, Box target, long start) {
        if (box == target) {
            return start;
        }
        long at = start + 8 + box.payload().length;
        for (Box child : box.children()) {
            long found = find(child, target, at);
            if (found >= 0) {
                return found;
            }
            at += child.size();
        }
        return -1;
    }
}
