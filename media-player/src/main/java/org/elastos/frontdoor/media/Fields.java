package org.elastos.frontdoor.media;

import java.nio.ByteBuffer;

/** Reading fixed fields out of a box's payload, each read checked against the payload's length first. */
final class Fields {
    private final ByteBuffer in;
    private final String box;

    Fields(byte[] payload, String box) {
        this.in = ByteBuffer.wrap(payload);
        this.box = box;
    }

    private void need(int bytes) throws Mp4Exception {
        if (in.remaining() < bytes) {
            throw new Mp4Exception("the " + box + " box ends before its fields do");
        }
    }

    int u8() throws Mp4Exception {
        need(1);
        return Byte.toUnsignedInt(in.get());
    }

    int u16() throws Mp4Exception {
        need(2);
        return Short.toUnsignedInt(in.getShort());
    }

    long u32() throws Mp4Exception {
        need(4);
        return Integer.toUnsignedLong(in.getInt());
    }

    int s32() throws Mp4Exception {
        need(4);
        return in.getInt();
    }

    long u64() throws Mp4Exception {
        need(8);
        return in.getLong();
    }

    byte[] bytes(int count) throws Mp4Exception {
        need(count);
        byte[] out = new byte[count];
        in.get(out);
        return out;
    }

    void skip(int count) throws Mp4Exception {
        need(count);
        in.position(in.position() + count);
    }

    int position() {
        return in.position();
    }

    int remaining() {
        return in.remaining();
    }

    /** A count read from the file, refused if it promises more entries of {@code each} bytes than are left. */
    int count(long claimed, int each) throws Mp4Exception {
        if (claimed < 0 || claimed * Math.max(1, each) > in.remaining()) {
            throw new Mp4Exception("the " + box + " box counts " + claimed + " entries; its bytes hold fewer");
        }
        return (int) claimed;
    }
}
