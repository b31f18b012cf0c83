package org.elastos.frontdoor.wallet.signer;

import org.bouncycastle.util.encoders.Hex;

import java.util.Arrays;

/** A secp256k1 signature in Ethereum's 65-byte form: r (32), s (32), v (27 or 28). */
public record EvmSignature(byte[] r, byte[] s, byte v) {
    public EvmSignature {
        if (r.length != 32 || s.length != 32) {
            throw new IllegalArgumentException("r and s are 32 bytes each");
        }
        r = r.clone();
        s = s.clone();
    }

    @Override
    public byte[] r() {
        return r.clone();
    }

    @Override
    public byte[] s() {
        return s.clone();
    }

    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(r, 65);
        System.arraycopy(s, 0, out, 32, 32);
        out[64] = v;
        return out;
    }

    public String toHex() {
        return "0x" + Hex.toHexString(toBytes());
    }
}
