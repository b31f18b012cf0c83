package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.WalletException;

import java.util.HashSet;
import java.util.Set;

/**
 * A plain estimate of how hard a password is to guess, shown while the person types. It counts length and the
 * kinds of characters, and punishes repetition; it is a guide, not a guarantee.
 */
public enum PasswordStrength {
    TOO_SHORT, WEAK, FAIR, GOOD, STRONG;

    public static final int MIN_LENGTH = 8;

    public static PasswordStrength of(char[] password) {
        if (password.length < MIN_LENGTH) {
            return TOO_SHORT;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        Set<Character> distinct = new HashSet<>();
        for (char c : password) {
            distinct.add(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (distinct.size() < 5) {
            return WEAK;
        }
        int score = classes + (password.length >= 12 ? 1 : 0) + (password.length >= 16 ? 1 : 0);
        if (score >= 5) {
            return STRONG;
        }
        if (score >= 4) {
            return GOOD;
        }
        return score >= 2 ? FAIR : WEAK;
    }

    /** @throws WalletException when the password is shorter than {@value #MIN_LENGTH} characters */
    static void require(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new WalletException("A vault password needs at least " + MIN_LENGTH + " characters.");
        }
    }
}
