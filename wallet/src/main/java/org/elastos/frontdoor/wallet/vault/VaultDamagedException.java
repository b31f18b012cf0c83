package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.WalletException;

/** The vault file cannot be read: it is damaged or was edited. It is left exactly as it was; restore from the recovery phrase into a new folder. */
public final class VaultDamagedException extends WalletException {
    public VaultDamagedException(String message) {
        super(message);
    }

    public VaultDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
