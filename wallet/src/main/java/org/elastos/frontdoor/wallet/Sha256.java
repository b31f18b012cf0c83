package org.elastos.frontdoor.wallet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over one or more byte strings, concatenated. */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] of(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
