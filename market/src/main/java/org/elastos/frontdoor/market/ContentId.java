package org.elastos.frontdoor.market;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 16-byte name of a film or file on chain: the market's {@code bytes16 contentId}, and the KID of the film's
 * encryption. Written as 32 hex digits, with or without {@code 0x}.
 */
public final class ContentId {
    public static final int LENGTH = 16;
    private final byte[] bytes;

    private ContentId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ContentId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a content id is 16 bytes, got " + bytes.length);
        }
        if (Arrays.equals(bytes, new byte[LENGTH])) {
            throw new IllegalArgumentException("a content id cannot be all zeros");
        }
        return new ContentId(bytes.clone());
    }

    /** @throws IllegalArgumentException naming what is wrong with the text */
    public static ContentId parse(String text) {
        String hex = text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.length() != 2 * LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(
                    "a content id is 32 hex digits (16 bytes), like 0x0123456789abcdef0123456789abcdef; got \"" + text + "\"");
        }
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentId id && Arrays.equals(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
