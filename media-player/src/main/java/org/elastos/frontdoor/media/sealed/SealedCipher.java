package org.elastos.frontdoor.media.sealed;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The cipher of one sealing: AES-128-GCM under a key drawn from the item's content key and the header's salt
 * (HKDF-SHA256), so sealing the same item again never reuses a nonce. Chunk {@code i}'s nonce is {@code i}; its
 * associated data is the header and whether it is the last chunk, so chunks cannot be reordered, dropped from the
 * end, or moved to another sealing. Holds the derived key, never the content key, and cannot give either out.
 */
public final class SealedCipher implements AutoCloseable {
    public static final int TAG_BYTES = 16;
    private static final byte[] INFO = "elastos.sealed.v1 chunk key".getBytes(StandardCharsets.US_ASCII);

    private final SealedHeader header;
    private final byte[] headerBytes;
    private final byte[] chunkKey;
    private final Cipher cipher;
    private SecretKeySpec spec;

    private SealedCipher(byte[] contentKey, SealedHeader header) {
        if (contentKey.length != 16) {
            throw new IllegalArgumentException("a content key has 16 bytes");
        }
        this.header = header;
        this.headerBytes = header.toBytes();
        this.chunkKey = derive(contentKey, header.salt());
        this.spec = new SecretKeySpec(chunkKey, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no AES-GCM", e);
        }
    }

    /** The cipher for the sealing {@code header} describes, under the item's content key (the caller keeps the key). */
    public static SealedCipher of(byte[] contentKey, SealedHeader header) {
        return new SealedCipher(contentKey, header);
    }

    public SealedHeader header() {
        return header;
    }

    /** Chunk {@code index} sealed: its clear bytes encrypted, then the tag. */
    public synchronized byte[] seal(long index, byte[] clear, int length) {
        checkIndex(index, length);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key(), nonce(index));
            cipher.updateAAD(associatedData(index));
            return cipher.doFinal(clear, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM in memory does not fail", e);
        }
    }

    /**
     * Chunk {@code index} opened.
     *
     * @throws SealedRefused (DAMAGED) when it does not authenticate
     */
    public synchronized byte[] open(long index, byte[] sealed, int length) throws SealedRefused {
        checkIndex(index, length - TAG_BYTES);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key(), nonce(index));
            cipher.updateAAD(associatedData(index));
            return cipher.doFinal(sealed, 0, length);
        } catch (AEADBadTagException e) {
            throw new SealedRefused(SealedRefused.Reason.DAMAGED, "chunk " + index + " of " + header.contentIdHex()
                    + " does not authenticate: it was altered, or sealed under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM in memory fails only on a bad tag", e);
        }
    }

    private void checkIndex(long index, int clearLength) {
        if (index < 0 || index >= header.chunks() || clearLength != header.clearBytesOf(index)) {
            throw new IllegalArgumentException("chunk " + index + " of " + header.chunks() + " holds "
                    + (index >= 0 && index < header.chunks() ? header.clearBytesOf(index) : 0) + " bytes, not " + clearLength);
        }
    }

    private SecretKeySpec key() {
        if (spec == null) {
            throw new IllegalStateException("this sealed item's key was closed");
        }
        return spec;
    }

    private static GCMParameterSpec nonce(long index) {
        return new GCMParameterSpec(TAG_BYTES * 8, ByteBuffer.allocate(12).putInt(0).putLong(index).array());
    }

    private byte[] associatedData(long index) {
        byte[] data = Arrays.copyOf(headerBytes, headerBytes.length + 1);
        data[headerBytes.length] = (byte) (index == header.chunks() - 1 ? 1 : 0);
        return data;
    }

    /** HKDF-SHA256 (RFC 5869): extract with the salt, expand one block with the info, keep 16 bytes. */
    private static byte[] derive(byte[] contentKey, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(contentKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            byte[] block = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            byte[] key = Arrays.copyOf(block, 16);
            Arrays.fill(block, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no HMAC-SHA256", e);
        }
    }

    @Override
    public synchronized void close() {
        Arrays.fill(chunkKey, (byte) 0);
        spec = null;
    }
}
