package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.WalletException;

/** The wallet is locked; unlock it with the password first. */
public final class WalletLockedException extends WalletException {
    public WalletLockedException(String message) {
        super(message);
    }

    public WalletLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
