package org.elastos.frontdoor.market;

/** The chain refused a transaction or call; {@link #refusal()} says why, decoded from the revert data. */
public final class RefusedByChainException extends MarketException {
    private final Refusal refusal;

    public RefusedByChainException(Refusal refusal, Coin coin) {
        super(refusal.explain(coin));
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
