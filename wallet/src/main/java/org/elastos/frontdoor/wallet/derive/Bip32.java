package org.elastos.frontdoor.wallet.derive;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * BIP32 private derivation on a short Weierstrass curve. The EVM account lives on secp256k1; the Elastos DID uses
 * the same algorithm (same "Bitcoin seed" master key) on secp256r1, which is why this is ours and not web3j's
 * secp256k1-only {@code Bip32ECKeyPair} (see docs/decisions/0003-one-bip32-for-two-curves.md).
 */
public final class Bip32 {
    public enum Curve {
        SECP256K1("secp256k1"),
        SECP256R1("secp256r1");

        private final X9ECParameters params;

        Curve(String name) {
            this.params = CustomNamedCurves.getByName(name);
        }

        public BigInteger order() {
            return params.getN();
        }

        /** The SEC1 compressed public key (33 bytes) of a private scalar. */
        public byte[] compressedPublicKey(byte[] privateKey) {
            ECPoint point = params.getG().multiply(new BigInteger(1, privateKey)).normalize();
            return point.getEncoded(true);
        }
    }

    private static final byte[] MASTER_KEY = Hmac.ascii("Bitcoin seed");

    private final Curve curve;

    public Bip32(Curve curve) {
        this.curve = curve;
    }

    public ExtendedKey master(byte[] seed) {
        byte[] i = Hmac.sha512(MASTER_KEY, seed);
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        if (k.signum() == 0 || k.compareTo(curve.order()) >= 0) {
            // Probability below 2^-127; BIP32 says such a seed is unusable.
            throw new IllegalArgumentException("this seed gives an invalid master key; make a new recovery phrase");
        }
        return new ExtendedKey(Arrays.copyOfRange(i, 0, 32), Arrays.copyOfRange(i, 32, 64));
    }

    public ExtendedKey derive(byte[] seed, HdPath path) {
        ExtendedKey key = master(seed);
        for (int step : path.steps()) {
            ExtendedKey next = child(key, step);
            key.wipe();
            key = next;
        }
        return key;
    }

    public ExtendedKey child(ExtendedKey parent, int index) {
        byte[] parentKey = parent.privateKey();
        byte[] data = HdPath.isHardened(index)
                ? concat(new byte[] {0}, parentKey)
                : curve.compressedPublicKey(parentKey);
        byte[] i = Hmac.sha512(parent.chainCode(), data, Hmac.indexBytes(index));
        BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        BigInteger childKey = tweak.add(new BigInteger(1, parentKey)).mod(curve.order());
        Arrays.fill(parentKey, (byte) 0);
        if (tweak.compareTo(curve.order()) >= 0 || childKey.signum() == 0) {
            // BIP32: skip to the next index. Astronomically rare; refuse rather than guess.
            throw new IllegalArgumentException("index " + index + " gives an invalid child key");
        }
        return new ExtendedKey(toFixed32(childKey), Arrays.copyOfRange(i, 32, 64));
    }

    static byte[] toFixed32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
