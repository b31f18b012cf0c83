package org.elastos.frontdoor.wallet.did;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.elastos.frontdoor.wallet.Base58;
import org.elastos.frontdoor.wallet.Sha256;

import java.util.Arrays;

/**
 * An Elastos DID, {@code did:elastos:i...}, as Essentials and the Elastos DID SDK make it: the identity address of a
 * secp256r1 key. The address is base58 of {@code 0x67 || RIPEMD160(SHA256(0x21 || pubkey || 0xAD))} followed by the
 * first four bytes of a double SHA-256 of that (0x67 is Elastos's identity prefix, 0xAD its DID signature type).
 */
public record ElastosDid(String value) {
    private static final String PREFIX = "did:elastos:";
    private static final byte IDENTITY_VERSION = 0x67;
    private static final byte PUSH_33 = 0x21;
    private static final byte DID_SIGN_TYPE = (byte) 0xAD;

    public ElastosDid {
        if (value == null || !value.startsWith(PREFIX + "i")) {
            throw new InvalidDidException("expected an Elastos DID (did:elastos:i...), got \"" + value + "\"");
        }
    }

    /** @param compressedPublicKey the 33-byte SEC1 compressed secp256r1 public key */
    public static ElastosDid fromPublicKey(byte[] compressedPublicKey) {
        if (compressedPublicKey.length != 33) {
            throw new InvalidDidException("a compressed secp256r1 key has 33 bytes, not " + compressedPublicKey.length);
        }
        byte[] script = new byte[35];
        script[0] = PUSH_33;
        System.arraycopy(compressedPublicKey, 0, script, 1, 33);
        script[34] = DID_SIGN_TYPE;

        byte[] programHash = new byte[21];
        programHash[0] = IDENTITY_VERSION;
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        byte[] sha = Sha256.of(script);
        ripemd.update(sha, 0, sha.length);
        ripemd.doFinal(programHash, 1);

        byte[] checksum = Sha256.of(Sha256.of(programHash));
        byte[] address = Arrays.copyOf(programHash, 25);
        System.arraycopy(checksum, 0, address, 21, 4);
        return new ElastosDid(PREFIX + Base58.encode(address));
    }

    @Override
    public String toString() {
        return value;
    }
}
