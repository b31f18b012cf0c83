package org.elastos.frontdoor.wallet.derive;

import java.util.Arrays;

/**
 * A private key with its chain code, one node of a derivation tree. Lives only inside the wallet; {@link #wipe()}
 * clears both halves once the caller has taken what it needs.
 */
public final class ExtendedKey {
    private final byte[] privateKey;
    private final byte[] chainCode;

    ExtendedKey(byte[] privateKey, byte[] chainCode) {
        this.privateKey = privateKey.clone();
        this.chainCode = chainCode.clone();
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    public void wipe() {
        Arrays.fill(privateKey, (byte) 0);
        Arrays.fill(chainCode, (byte) 0);
    }
}
