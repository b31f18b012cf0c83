package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The invite as a person can type it: 12 characters of Crockford base32 (60 bits), shown as {@code K7QF-9XM2-AB4D}.
 * The invite's secret is derived from the code, and the box publishes a signed, secret-free beacon at its relay under
 * a hash of the code, so typing the code finds the box without the relay learning the secret.
 */
public final class ShortCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 12;
    private static final String SECRET_DOMAIN = "elastos.pc2.short-code.secret.v1";
    private static final String LOOKUP_DOMAIN = "elastos.pc2.short-code.lookup.v1";

    private final String code;

    private ShortCode(String code) {
        this.code = code;
    }

    public static ShortCode generate(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new ShortCode(code.toString());
    }

    /**
     * Reads a typed code, forgiving case, spaces and dashes, and the letters people confuse with digits (O for 0,
     * I and L for 1).
     *
     * @throws InviteRefusedException (MALFORMED) saying what is wrong with it
     */
    public static ShortCode parse(String typed) {
        String text = typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (text.length() != LENGTH) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "a pairing code has 12 characters, like K7QF-9XM2-AB4D; this one has " + text.length());
        }
        for (char c : text.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                        "\"" + c + "\" is not in a pairing code; check the code on the box's screen");
            }
        }
        return new ShortCode(text);
    }

    /** The 16-byte pairing secret this code stands for. */
    public byte[] secret() {
        return Arrays.copyOf(Sha256.of(bytes(SECRET_DOMAIN), new byte[] {0}, bytes(code)), 16);
    }

    /** Where the box's beacon waits at the relay: a hash that reveals neither the code nor the secret. */
    public String lookupId() {
        return HexFormat.of().formatHex(Sha256.of(bytes(LOOKUP_DOMAIN), new byte[] {0}, bytes(code)));
    }

    /** As shown to people: three groups of four. */
    @Override
    public String toString() {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShortCode that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
