package org.elastos.frontdoor.media.license;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.time.Instant;

/**
 * The X25519 key pair of one playback: its public half goes into the license request, its private half opens the
 * license and is never written anywhere. Make a new one for every playback.
 */
public final class PlaybackKey {
    private final AsymmetricCipherKeyPair pair;
    private final byte[] publicKey;

    private PlaybackKey(AsymmetricCipherKeyPair pair) {
        this.pair = pair;
        this.publicKey = LicenseSeal.suite().serializePublicKey(pair.getPublic());
    }

    public static PlaybackKey generate() {
        return new PlaybackKey(LicenseSeal.suite().generatePrivateKey());
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The content key a license carries, if it was sealed to this playback.
     *
     * @throws InvalidCipherTextException when it was sealed to another key, for another film, or has expired
     */
    public byte[] open(License license, Instant now) throws InvalidCipherTextException {
        if (!java.util.Arrays.equals(license.recipientKey(), publicKey)) {
            throw new InvalidCipherTextException("this license was granted to another playback");
        }
        return license.open(pair, now);
    }
}
