package org.elastos.frontdoor.media.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The clear start of a sealed item (ADR 0016): the format's tag, the content id it is sold under, a salt for this
 * sealing, the size of its chunks and the length of what it holds. Every chunk authenticates these bytes, so none can
 * be changed without the item refusing to open.
 */
public record SealedHeader(byte[] contentId, byte[] salt, int chunkSize, long clearLength) {
    /** The format's tag and version, ending in a zero byte. */
    static final byte[] TAG = "elastos.sealed.v1\0".getBytes(StandardCharsets.US_ASCII);
    public static final int LENGTH = TAG.length + 16 + 16 + 4 + 8;
    public static final int MIN_CHUNK = 1024;
    public static final int MAX_CHUNK = 16 << 20;
    /** One tebibyte: more than any box holds as one item today, and a bound on what a reader will wait for. */
    public static final long MAX_CLEAR = 1L << 40;

    public SealedHeader {
        contentId = contentId.clone();
        salt = salt.clone();
        if (contentId.length != 16 || salt.length != 16) {
            throw new IllegalArgumentException("a sealed item's content id and salt have 16 bytes each");
        }
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK || clearLength < 0 || clearLength > MAX_CLEAR) {
            throw new IllegalArgumentException("chunks of " + MIN_CHUNK + " to " + MAX_CHUNK + " bytes, and at most "
                    + MAX_CLEAR + " bytes in all");
        }
    }

    @Override
    public byte[] contentId() {
        return contentId.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    public String contentIdHex() {
        return "0x" + HexFormat.of().formatHex(contentId);
    }

    /** How many chunks follow: one at least, an empty one when the item holds nothing. */
    public long chunks() {
        return Math.max(1, (clearLength + chunkSize - 1) / chunkSize);
    }

    /** The clear bytes chunk {@code index} holds. */
    int clearBytesOf(long index) {
        return (int) Math.min(chunkSize, clearLength - index * chunkSize);
    }

    /** The size of the whole sealed item: the header, and each chunk with its tag. */
    public long sealedLength() {
        return LENGTH + clearLength + chunks() * SealedCipher.TAG_BYTES;
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(LENGTH).put(TAG).put(contentId).put(salt).putInt(chunkSize).putLong(clearLength).array();
    }

    /**
     * Reads a header: exactly {@value #LENGTH} bytes.
     *
     * @throws SealedRefused when they are not a sealed item's header
     */
    public static SealedHeader read(InputStream in) throws IOException, SealedRefused {
        byte[] bytes = in.readNBytes(LENGTH);
        if (bytes.length < TAG.length || !Arrays.equals(bytes, 0, TAG.length, TAG, 0, TAG.length)) {
            throw new SealedRefused(SealedRefused.Reason.NOT_SEALED, "this is not a sealed item of ours (elastos.sealed.v1)");
        }
        if (bytes.length < LENGTH) {
            throw new SealedRefused(SealedRefused.Reason.TRUNCATED, "this sealed item ends inside its header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, TAG.length, LENGTH - TAG.length);
        byte[] contentId = new byte[16];
        byte[] salt = new byte[16];
        header.get(contentId).get(salt);
        int chunkSize = header.getInt();
        long clearLength = header.getLong();
        try {
            return new SealedHeader(contentId, salt, chunkSize, clearLength);
        } catch (IllegalArgumentException e) {
            throw new SealedRefused(SealedRefused.Reason.BAD_HEADER, "this sealed item's header is out of bounds: " + e.getMessage(), e);
        }
    }
}
