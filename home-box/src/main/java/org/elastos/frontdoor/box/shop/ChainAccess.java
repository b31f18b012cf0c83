package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.RightsOracle;
import org.elastos.frontdoor.wallet.EvmAddress;

/** How the box asks a chain whether a holder has the right to an item: one oracle per chain and market. */
public interface ChainAccess extends AutoCloseable {
    /** @throws ChainUnreachableException when the box knows no way to reach that chain */
    RightsOracle oracle(long chainId, EvmAddress market);

    @Override
    void close();
}
