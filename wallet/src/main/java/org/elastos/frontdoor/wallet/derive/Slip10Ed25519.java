package org.elastos.frontdoor.wallet.derive;

import java.util.Arrays;

/** SLIP-0010 derivation for Ed25519: hardened steps only, each child's key is the left half of the HMAC. */
public final class Slip10Ed25519 {
    private static final byte[] MASTER_KEY = Hmac.ascii("ed25519 seed");

    private Slip10Ed25519() {
    }

    public static ExtendedKey master(byte[] seed) {
        byte[] i = Hmac.sha512(MASTER_KEY, seed);
        return new ExtendedKey(Arrays.copyOfRange(i, 0, 32), Arrays.copyOfRange(i, 32, 64));
    }

    public static ExtendedKey derive(byte[] seed, HdPath path) {
        ExtendedKey key = master(seed);
        for (int step : path.steps()) {
            if (!HdPath.isHardened(step)) {
                throw new IllegalArgumentException("Ed25519 derivation takes hardened steps only: " + path);
            }
            byte[] parentKey = key.privateKey();
            byte[] i = Hmac.sha512(key.chainCode(), Bip32.concat(new byte[] {0}, parentKey), Hmac.indexBytes(step));
            Arrays.fill(parentKey, (byte) 0);
            key.wipe();
            key = new ExtendedKey(Arrays.copyOfRange(i, 0, 32), Arrays.copyOfRange(i, 32, 64));
        }
        return key;
    }
}
