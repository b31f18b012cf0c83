package org.elastos.frontdoor.capsule;

/**
 * A content key the host uses on a capsule's behalf: whoever holds the key keeps it, and a capsule granted
 * {@code media.decrypt} can mark ranges of the bytes it hands back to be decrypted under it, nothing more (ADR 0014).
 * There is no way to read the key through a slot.
 */
public interface KeySlot {
    /**
     * Decrypts in place with AES-128-CTR. The keystream is that of one sample: its counter block is {@code iv}
     * (8 bytes, then a 64-bit block counter from zero; or 16 bytes), and this range begins {@code streamOffset}
     * bytes into it, as CENC's {@code cenc} scheme runs one keystream across a sample's protected ranges.
     *
     * @throws IllegalArgumentException when the IV is not 8 or 16 bytes, the offset is negative, or the range is
     *                                  outside {@code data}
     * @throws IllegalStateException    when the slot was closed
     */
    void decryptCtr(byte[] iv, long streamOffset, byte[] data, int offset, int length);
}
