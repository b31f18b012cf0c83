package org.elastos.frontdoor.media.keys;

import org.elastos.frontdoor.capsule.KeySlot;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One opened content key, usable and never readable: it decrypts ranges in place with AES-128-CTR until its playback
 * ends, when the key's bytes are overwritten. The only object in the player that holds a content key.
 */
final class ContentKeySlot implements KeySlot, OpenedKey {
    private static final int BLOCK = 16;
    private final byte[] key;
    private final Cipher cipher;
    private SecretKeySpec spec;

    ContentKeySlot(byte[] key) {
        if (key.length != BLOCK) {
            throw new IllegalArgumentException("a content key has 16 bytes");
        }
        this.key = key.clone();
        this.spec = new SecretKeySpec(this.key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no AES-CTR", e);
        }
    }

    @Override
    public synchronized void decryptCtr(byte[] iv, long streamOffset, byte[] data, int offset, int length) {
        if (spec == null) {
            throw new IllegalStateException("this playback has ended and its key is gone; begin a new playback");
        }
        if (iv.length != 8 && iv.length != BLOCK) {
            throw new IllegalArgumentException("a cenc IV has 8 or 16 bytes, not " + iv.length);
        }
        if (streamOffset < 0) {
            throw new IllegalArgumentException("a keystream offset is never negative");
        }
        Objects.checkFromIndexSize(offset, length, data.length);
        try {
            cipher.init(Cipher.DECRYPT_MODE, spec, new IvParameterSpec(counterBlock(iv, streamOffset / BLOCK)));
            int into = (int) (streamOffset % BLOCK);
            if (into > 0) {
                cipher.update(new byte[into]);
            }
            cipher.update(data, offset, length, data, offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR in memory does not fail", e);
        }
    }

    /** The IV as a 128-bit big-endian counter (an 8-byte IV is its high half), advanced by {@code blocks}. */
    static byte[] counterBlock(byte[] iv, long blocks) {
        byte[] counter = Arrays.copyOf(iv, BLOCK);
        long carry = blocks;
        for (int i = BLOCK - 1; i >= 0 && carry != 0; i--) {
            long sum = (counter[i] & 0xff) + (carry & 0xff);
            counter[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return counter;
    }

    @Override
    public synchronized void close() {
        Arrays.fill(key, (byte) 0);
        spec = null;
    }
}
