package org.elastos.frontdoor.wallet.did;

import org.elastos.frontdoor.wallet.WalletException;

/** A DID that cannot be read: wrong method, wrong encoding, or a key type we do not accept. */
public final class InvalidDidException extends WalletException {
    InvalidDidException(String message) {
        super(message);
    }

    InvalidDidException(String message, Throwable cause) {
        super(message, cause);
    }
}
