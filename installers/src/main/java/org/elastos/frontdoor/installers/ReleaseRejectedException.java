package org.elastos.frontdoor.installers;

import org.elastos.frontdoor.wallet.WalletException;

/** A download that must not be installed: the manifest is not genuine, or a file does not match it. */
public final class ReleaseRejectedException extends WalletException {
    public ReleaseRejectedException(String message) {
        super(message);
    }

    public ReleaseRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
