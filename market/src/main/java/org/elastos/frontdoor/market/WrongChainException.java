package org.elastos.frontdoor.market;

/** The node at the profile's RPC URL serves another chain; signing for it would be replayable elsewhere. */
public final class WrongChainException extends MarketException {
    public WrongChainException(ChainProfile expected, long actualChainId) {
        super(expected.rpcUrl() + " serves chain " + actualChainId + ", not " + expected.displayName()
                + " (chain " + expected.chainId() + "); check the RPC URL");
    }
}
