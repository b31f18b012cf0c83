package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.WalletException;

/** There is no vault at the given place. */
public final class VaultNotFoundException extends WalletException {
    public VaultNotFoundException(String message) {
        super(message);
    }

    public VaultNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
