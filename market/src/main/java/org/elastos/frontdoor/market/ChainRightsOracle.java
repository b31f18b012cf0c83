package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Asks {@code hasAccessByContentId(address,bytes16)} (selector {@value MarketAbi#HAS_ACCESS_SELECTOR}) of any
 * contract that has it, ours or Elacity's AuthorityGateway, at the newest block minus the chain's confirmations,
 * so a purchase counts only once it is that deep.
 */
public final class ChainRightsOracle implements RightsOracle {
    private final EvmRpc rpc;
    private final EvmAddress authority;

    public ChainRightsOracle(EvmRpc rpc, EvmAddress authority) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.authority = Objects.requireNonNull(authority, "authority");
    }

    @Override
    public boolean hasAccess(EvmAddress holder, ContentId contentId) {
        return hasAccessAt(holder, contentId, confirmedBlock());
    }

    /** The newest block deep enough to trust; never below the genesis block. */
    public BigInteger confirmedBlock() {
        return rpc.blockNumber().subtract(BigInteger.valueOf(rpc.chain().confirmations())).max(BigInteger.ZERO);
    }

    public boolean hasAccessAt(EvmAddress holder, ContentId contentId, BigInteger block) {
        return MarketAbi.decodeBool(rpc.call(authority, MarketAbi.hasAccessByContentId(holder, contentId), block));
    }
}
