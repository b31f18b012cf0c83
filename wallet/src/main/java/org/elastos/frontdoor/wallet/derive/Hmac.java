package org.elastos.frontdoor.wallet.derive;

import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;

final class Hmac {
    private Hmac() {
    }

    static byte[] sha512(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] indexBytes(int index) {
        return new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
    }
}
