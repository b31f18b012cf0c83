package org.elastos.frontdoor.wallet.did;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.elastos.frontdoor.wallet.Base58;

import java.util.Arrays;

/**
 * A {@code did:key} for an Ed25519 public key: multicodec {@code 0xed01}, then the 32 key bytes, base58btc with the
 * multibase prefix {@code z}. Such a DID always starts {@code did:key:z6Mk}. The DID is the key, so verifying a
 * signature needs nothing but the DID.
 */
public record DidKey(String value) {
    private static final String PREFIX = "did:key:z";
    private static final byte[] ED25519_CODEC = {(byte) 0xed, 0x01};
    /** 34 bytes take at most 47 base58 digits; anything much longer is refused before it is decoded. */
    private static final int MAX_CHARS = PREFIX.length() + 64;

    public DidKey {
        publicKeyOf(value);
    }

    public static DidKey fromEd25519PublicKey(byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new InvalidDidException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        byte[] bytes = new byte[34];
        System.arraycopy(ED25519_CODEC, 0, bytes, 0, 2);
        System.arraycopy(publicKey, 0, bytes, 2, 32);
        return new DidKey(PREFIX + Base58.encode(bytes));
    }

    public static DidKey parse(String text) {
        return new DidKey(text == null ? "" : text.trim());
    }

    public byte[] ed25519PublicKey() {
        return publicKeyOf(value);
    }

    /** True when {@code signature} is this DID's Ed25519 signature over {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(ed25519PublicKey(), 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** A short form for people to compare by eye: the last 8 characters, in two groups. */
    public String fingerprint() {
        String tail = value.substring(value.length() - 8);
        return tail.substring(0, 4) + " " + tail.substring(4);
    }

    @Override
    public String toString() {
        return value;
    }

    private static byte[] publicKeyOf(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            String shown = value == null || value.length() <= 80 ? value : value.substring(0, 80) + "...";
            throw new InvalidDidException("expected a did:key (did:key:z...), got \"" + shown + "\"");
        }
        if (value.length() > MAX_CHARS) {
            throw new InvalidDidException("this did:key is " + value.length() + " characters long; an Ed25519 did:key has"
                    + " about 56");
        }
        byte[] bytes;
        try {
            bytes = Base58.decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidDidException("this did:key is not valid base58: " + e.getMessage(), e);
        }
        if (bytes.length != 34 || bytes[0] != ED25519_CODEC[0] || bytes[1] != ED25519_CODEC[1]) {
            throw new InvalidDidException("this did:key does not hold an Ed25519 key (did:key:z6Mk...)");
        }
        byte[] key = Arrays.copyOfRange(bytes, 2, 34);
        try {
            new Ed25519PublicKeyParameters(key, 0);
        } catch (IllegalArgumentException e) {
            // Found by fuzzing: 32 bytes that are no point on the curve made verification throw instead of say no.
            throw new InvalidDidException("this did:key's 32 bytes are not an Ed25519 public key", e);
        }
        return key;
    }
}
