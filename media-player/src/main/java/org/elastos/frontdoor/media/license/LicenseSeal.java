package org.elastos.frontdoor.media.license;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;

import java.nio.charset.StandardCharsets;

/**
 * A content key sealed to one playback's X25519 key with HPKE (RFC 9180): base mode, DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-128-GCM; info the UTF-8 of {@value EnvelopeDomains#FILM_LICENSE}, associated data the 16 bytes of
 * the content id, so a sealed key opens only as the key of the film it was sold for.
 */
public final class LicenseSeal {
    static final byte[] INFO = EnvelopeDomains.FILM_LICENSE.getBytes(StandardCharsets.UTF_8);

    /** What a seal is: the encapsulated key and the ciphertext. */
    public record Sealed(byte[] enc, byte[] sealedKey) {
        public Sealed {
            enc = enc.clone();
            sealedKey = sealedKey.clone();
        }

        @Override
        public byte[] enc() {
            return enc.clone();
        }

        @Override
        public byte[] sealedKey() {
            return sealedKey.clone();
        }
    }

    private LicenseSeal() {
    }

    static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
    }

    /**
     * @param recipientKey the playback's X25519 public key, 32 bytes
     * @throws IllegalArgumentException when it is not an X25519 public key
     */
    public static Sealed seal(byte[] recipientKey, byte[] contentId, byte[] contentKey) {
        HPKE hpke = suite();
        AsymmetricKeyParameter recipient;
        try {
            recipient = hpke.deserializePublicKey(recipientKey);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the recipient key is not an X25519 public key", e);
        }
        try {
            HPKEContextWithEncapsulation context = hpke.setupBaseS(recipient, INFO);
            return new Sealed(context.getEncapsulation(), context.seal(contentId, contentKey));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealing in memory does not fail", e);
        }
    }

    /**
     * @throws InvalidCipherTextException when the seal was not made to this key, for this content id
     */
    public static byte[] open(Sealed sealed, AsymmetricCipherKeyPair recipient, byte[] contentId) throws InvalidCipherTextException {
        return suite().open(sealed.enc(), recipient, INFO, contentId, sealed.sealedKey(), null, null, null);
    }
}
