package org.elastos.frontdoor.market;

/** No market contract address is known for the chain. */
public final class MarketNotConfiguredException extends MarketException {
    public MarketNotConfiguredException(ChainProfile chain) {
        super("no market contract is configured for " + chain.displayName() + " (chain " + chain.chainId()
                + "); pass its address with --market" + (chain.chainId() == ChainProfiles.DEV.chainId()
                ? ", or start the local chain with `frontdoor chain dev`" : ""));
    }
}
