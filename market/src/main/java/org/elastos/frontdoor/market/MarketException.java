package org.elastos.frontdoor.market;

/** Every failure of the chain client; each message says what went wrong and what a person can do about it. */
public abstract sealed class MarketException extends RuntimeException
        permits ChainUnreachableException, RefusedByChainException, ReceiptTimeoutException,
                MarketNotConfiguredException, WrongChainException, DevChainException, DevChainNotRunningException {
    protected MarketException(String message) {
        super(message);
    }

    protected MarketException(String message, Throwable cause) {
        super(message, cause);
    }
}
