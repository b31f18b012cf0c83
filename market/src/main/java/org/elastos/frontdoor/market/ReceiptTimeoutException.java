package org.elastos.frontdoor.market;

import java.time.Duration;

/** A sent transaction was not mined in time. It may still be mined: the hash lets a person look it up. */
public final class ReceiptTimeoutException extends MarketException {
    private final String transactionHash;

    public ReceiptTimeoutException(String transactionHash, Duration waited) {
        super("transaction " + transactionHash + " was sent but not mined within " + waited.toSeconds()
                + " s; it may still go through, so look it up before sending it again");
        this.transactionHash = transactionHash;
    }

    public String transactionHash() {
        return transactionHash;
    }
}
