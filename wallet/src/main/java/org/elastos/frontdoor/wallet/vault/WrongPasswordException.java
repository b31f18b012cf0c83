package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.WalletException;

/** The password does not open this vault. Nothing was changed. */
public final class WrongPasswordException extends WalletException {
    public WrongPasswordException(String message) {
        super(message);
    }

    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
