package org.elastos.frontdoor.wallet.envelope;

import org.elastos.frontdoor.wallet.WalletException;

/** A signed envelope that must not be trusted: malformed, signed for another purpose, or altered after signing. */
public final class EnvelopeRejectedException extends WalletException {
    public EnvelopeRejectedException(String message) {
        super(message);
    }

    public EnvelopeRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
