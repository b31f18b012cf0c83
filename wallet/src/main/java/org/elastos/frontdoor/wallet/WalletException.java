package org.elastos.frontdoor.wallet;

/**
 * Every failure the wallet reports. The message is written for the person using the app: it says what is wrong
 * and what to do about it. Subclasses let callers react to a specific case (a wrong password shakes the lock
 * screen; a damaged vault offers restore from the recovery phrase).
 */
public class WalletException extends RuntimeException {
    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
