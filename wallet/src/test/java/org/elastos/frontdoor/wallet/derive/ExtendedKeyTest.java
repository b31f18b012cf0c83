package org.elastos.frontdoor.wallet.derive;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A key node hands out copies of its halves, and once wiped holds only zeros. */
class ExtendedKeyTest {
    @Test
    void aWipedKeyHoldsOnlyZeros() {
        ExtendedKey key = new ExtendedKey(new byte[] {1, 2, 3}, new byte[] {4, 5});
        assertArrayEquals(new byte[] {1, 2, 3}, key.privateKey());
        assertArrayEquals(new byte[] {4, 5}, key.chainCode());
        key.privateKey()[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, key.privateKey(), "a copy, not the key itself");
        key.wipe();
        assertArrayEquals(new byte[3], key.privateKey());
        assertArrayEquals(new byte[2], key.chainCode());
    }
}
