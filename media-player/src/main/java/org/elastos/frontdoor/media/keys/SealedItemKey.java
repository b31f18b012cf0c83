package org.elastos.frontdoor.media.keys;

import org.elastos.frontdoor.media.sealed.ItemUnsealer;
import org.elastos.frontdoor.media.sealed.SealedCipher;
import org.elastos.frontdoor.media.sealed.SealedHeader;
import org.elastos.frontdoor.media.sealed.SealedRefused;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One opened content key for a download: it gives the cipher of a sealing of its own item, and of no other, until its
 * session ends, when the key's bytes are overwritten. Like {@link ContentKeySlot}, it cannot be read.
 */
final class SealedItemKey implements ItemUnsealer.Keys, OpenedKey {
    private final byte[] key;
    private final byte[] contentId;
    private boolean closed;

    SealedItemKey(byte[] key, byte[] contentId) {
        if (key.length != 16) {
            throw new IllegalArgumentException("a content key has 16 bytes");
        }
        this.key = key.clone();
        this.contentId = contentId.clone();
    }

    @Override
    public synchronized SealedCipher cipherFor(SealedHeader header) throws SealedRefused {
        if (closed) {
            throw new IllegalStateException("this download's session has ended and its key is gone; ask for a new license");
        }
        if (!Arrays.equals(header.contentId(), contentId)) {
            throw new SealedRefused(SealedRefused.Reason.ANOTHER_ITEM, "this is " + header.contentIdHex() + ", but the"
                    + " license is for 0x" + HexFormat.of().formatHex(contentId));
        }
        return SealedCipher.of(key, header);
    }

    @Override
    public synchronized void close() {
        Arrays.fill(key, (byte) 0);
        closed = true;
    }
}
