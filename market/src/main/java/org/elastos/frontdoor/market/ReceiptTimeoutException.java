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

    /** A mined transaction the chain did not confirm in time: it is in, and will count once the chain moves on. */
    public static ReceiptTimeoutException unconfirmed(String transactionHash, Duration waited) {
        return new ReceiptTimeoutException(transactionHash, "transaction " + transactionHash + " was mined but not yet"
                + " confirmed after " + waited.toSeconds() + " s; it counts once the chain has made more blocks");
    }

    private ReceiptTimeoutException(String transactionHash, String message) {
        super(message);
        this.transactionHash = transactionHash;
    }

    public String transactionHash() {
        return transactionHash;
    }
}
