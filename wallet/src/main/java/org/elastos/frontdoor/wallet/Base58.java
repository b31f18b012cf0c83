package org.elastos.frontdoor.wallet;

import java.math.BigInteger;

/** Base58 with the Bitcoin alphabet (base58btc), as did:key and Elastos addresses use it. */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    public static String encode(byte[] bytes) {
        int leadingZeros = 0;
        while (leadingZeros < bytes.length && bytes[leadingZeros] == 0) {
            leadingZeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(leadingZeros));
        return out.reverse().toString();
    }

    /** @throws IllegalArgumentException naming the first character that is not in the alphabet */
    public static byte[] decode(String text) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("'" + text.charAt(i) + "' at position " + (i + 1) + " is not a base58 character");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        int leadingOnes = 0;
        while (leadingOnes < text.length() && text.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        byte[] magnitude = value.toByteArray();
        int strip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        if (value.signum() == 0) {
            magnitude = new byte[0];
            strip = 0;
        }
        byte[] out = new byte[leadingOnes + magnitude.length - strip];
        System.arraycopy(magnitude, strip, out, leadingOnes, magnitude.length - strip);
        return out;
    }
}
