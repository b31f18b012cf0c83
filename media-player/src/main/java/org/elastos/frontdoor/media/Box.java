package org.elastos.frontdoor.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One box of an ISO base media file, as a small tree that can be changed and written back: a container's children,
 * a sample entry's fixed fields then its children, or a leaf's bytes. Reading checks every size against what holds
 * it before it looks inside, so no box can claim more than the bytes that are there, and nesting is bounded.
 */
public final class Box {
    /** Boxes whose payload is only boxes. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "mvex", "edts", "dinf",
            "moof", "traf", "sinf", "schi", "udta");
    /** Sample entries: fixed fields (this many bytes), then boxes. */
    private static final int VISUAL_ENTRY = 78;
    private static final int AUDIO_ENTRY = 28;
    private static final int MAX_DEPTH = 12;

    private final String type;
    private byte[] prefix;
    private final List<Box> children;

    private Box(String type, byte[] prefix, List<Box> children) {
        this.type = type;
        this.prefix = prefix;
        this.children = children;
    }

    /** A leaf box of {@code type} holding {@code payload}. */
    public static Box leaf(String type, byte[] payload) {
        return new Box(type, payload.clone(), null);
    }

    /** A container of {@code children}. */
    public static Box container(String type, List<Box> children) {
        return new Box(type, new byte[0], new ArrayList<>(children));
    }

    /** Every top-level box of a file or a segment. */
    public static List<Box> parseAll(byte[] bytes) throws Mp4Exception {
        return parse(ByteBuffer.wrap(bytes), 0);
    }

    private static List<Box> parse(ByteBuffer in, int depth) throws Mp4Exception {
        if (depth > MAX_DEPTH) {
            throw new Mp4Exception("boxes are nested more than " + MAX_DEPTH + " deep");
        }
        List<Box> boxes = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 8) {
                throw new Mp4Exception(in.remaining() + " bytes are left over after the last box");
            }
            int start = in.position();
            long size = Integer.toUnsignedLong(in.getInt());
            byte[] name = new byte[4];
            in.get(name);
            String type = new String(name, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (in.remaining() < 8) {
                    throw new Mp4Exception("the " + type + " box is cut short in its 64-bit size");
                }
                size = in.getLong();
                header = 16;
            } else if (size == 0) {
                size = in.limit() - start;
            }
            if (size < header || size > in.limit() - start) {
                throw new Mp4Exception("the " + printable(type) + " box says it has " + size + " bytes; " + (in.limit() - start)
                        + " are there");
            }
            ByteBuffer payload = in.slice(start + header, (int) size - header);
            in.position(start + (int) size);
            boxes.add(read(type, payload, depth));
        }
        return boxes;
    }

    private static Box read(String type, ByteBuffer payload, int depth) throws Mp4Exception {
        int fixed = CONTAINERS.contains(type) ? 0 : switch (type) {
            case "stsd" -> 8;
            case "avc1", "encv", "hvc1", "hev1" -> VISUAL_ENTRY;
            case "mp4a", "enca" -> AUDIO_ENTRY;
            default -> -1;
        };
        if (fixed < 0) {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            return new Box(type, bytes, null);
        }
        if (payload.remaining() < fixed) {
            throw new Mp4Exception("the " + type + " box is shorter than its fixed fields");
        }
        byte[] prefix = new byte[fixed];
        payload.get(prefix);
        return new Box(type, prefix, new ArrayList<>(parse(payload.slice(), depth + 1)));
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "unnamed";
    }

    public String type() {
        return type;
    }

    /** A leaf's bytes, or the fixed fields before a container's children. */
    public byte[] payload() {
        return prefix.clone();
    }

    /** The payload itself, not a copy: for changing a large {@code mdat} in place. */
    byte[] payloadInPlace() {
        return prefix;
    }

    public void setPayload(byte[] bytes) {
        prefix = bytes.clone();
    }

    public boolean isContainer() {
        return children != null;
    }

    public List<Box> children() {
        if (children == null) {
            return List.of();
        }
        return children;
    }

    /** The first child of {@code type}. */
    public Optional<Box> child(String childType) {
        return children().stream().filter(box -> box.type.equals(childType)).findFirst();
    }

    /** The first child of {@code type}, which must be there. */
    public Box require(String childType) throws Mp4Exception {
        return child(childType).orElseThrow(() -> new Mp4Exception("the " + type + " box has no " + childType + " box"));
    }

    public List<Box> all(String childType) {
        return children().stream().filter(box -> box.type.equals(childType)).toList();
    }

    /** The same box under another name (a sample entry renamed encv, or back). */
    public Box renamed(String newType) {
        return new Box(newType, prefix, children == null ? null : new ArrayList<>(children));
    }

    public long size() {
        long size = 8L + prefix.length;
        for (Box child : children()) {
            size += child.size();
        }
        return size;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size(), Integer.MAX_VALUE));
        write(out);
        return out.toByteArray();
    }

    void write(ByteArrayOutputStream out) {
        long size = size();
        if (size > 0xffffffffL) {
            throw new IllegalStateException("a box over 4 GiB is not written here");
        }
        out.writeBytes(ByteBuffer.allocate(8).putInt((int) size).put(type.getBytes(StandardCharsets.ISO_8859_1)).array());
        out.writeBytes(prefix);
        for (Box child : children()) {
            child.write(out);
        }
    }

    public static byte[] toBytes(List<Box> boxes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boxes.forEach(box -> box.write(out));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return type + "(" + size() + ")";
    }
}
