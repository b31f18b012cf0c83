package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.RightsOracle;
import org.elastos.frontdoor.wallet.EvmAddress;

import java.util.Optional;

/** How the box asks a chain about its items: whether a holder has the right to one, and how one is listed. */
public interface ChainAccess extends AutoCloseable {
    /** @throws ChainUnreachableException when the box knows no way to reach that chain */
    RightsOracle oracle(long chainId, EvmAddress market);

    /**
     * The item's listing on that chain and market now, if it has one.
     *
     * @throws ChainUnreachableException when the chain cannot be asked
     */
    Optional<Listing> listing(long chainId, EvmAddress market, ContentId contentId);

    @Override
    void close();
}
