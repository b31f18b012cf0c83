package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the client needs to know about one chain. The market address is empty until someone configures it:
 * nothing is deployed on public chains from here.
 *
 * @param name short name used on the command line ({@code esc}, {@code base}, {@code dev})
 * @param confirmations blocks a rights check stays behind the newest one, so a purchase counts only once it is
 *     that deep
 */
public record ChainProfile(String name, String displayName, long chainId, URI rpcUrl, Optional<URI> explorerUrl,
                           Coin coin, int confirmations, Optional<EvmAddress> market) {

    public ChainProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(explorerUrl, "explorerUrl");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(market, "market");
        if (chainId <= 0) {
            throw new IllegalArgumentException("a chain id is positive: " + chainId);
        }
        if (confirmations < 0) {
            throw new IllegalArgumentException("confirmations cannot be negative: " + confirmations);
        }
        String scheme = rpcUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the RPC URL of " + name + " must be http(s): " + rpcUrl);
        }
    }

    public ChainProfile withRpcUrl(URI url) {
        return new ChainProfile(name, displayName, chainId, url, explorerUrl, coin, confirmations, market);
    }

    public ChainProfile withMarket(EvmAddress address) {
        return new ChainProfile(name, displayName, chainId, rpcUrl, explorerUrl, coin, confirmations, Optional.of(address));
    }

    public ChainProfile withConfirmations(int blocks) {
        return new ChainProfile(name, displayName, chainId, rpcUrl, explorerUrl, coin, blocks, market);
    }

    /** @throws MarketNotConfiguredException when no market address is known for this chain */
    public EvmAddress requireMarket() {
        return market.orElseThrow(() -> new MarketNotConfiguredException(this));
    }

    /** Where a person can look the transaction up, when the chain has an explorer. */
    public Optional<URI> explorerLink(String transactionHash) {
        return explorerUrl.map(base -> base.resolve("/tx/" + transactionHash));
    }
}
