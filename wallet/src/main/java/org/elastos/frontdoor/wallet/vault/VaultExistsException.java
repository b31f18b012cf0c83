package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.WalletException;

/** A vault already exists there; it is never overwritten. */
public final class VaultExistsException extends WalletException {
    public VaultExistsException(String message) {
        super(message);
    }

    public VaultExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
