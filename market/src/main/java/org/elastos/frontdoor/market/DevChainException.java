package org.elastos.frontdoor.market;

/** The local development chain could not be started or prepared. */
public final class DevChainException extends MarketException {
    public DevChainException(String message) {
        super(message);
    }

    public DevChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
