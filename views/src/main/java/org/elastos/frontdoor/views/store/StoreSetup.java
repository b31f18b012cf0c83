package org.elastos.frontdoor.views.store;

import org.elastos.frontdoor.market.ChainChoice;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;

/**
 * Where the Store, the Library and the player look: the chain and market (chosen the way the command line chooses
 * them), the block the market was deployed at (its events start there), and the carrier relays sellers' boxes are
 * reached through.
 */
public record StoreSetup(ChainChoice chain, BigInteger fromBlock, List<URI> relays) {
    /** How many blocks one request for the market's events spans: public nodes refuse wide ranges. */
    public static final int BLOCKS_PER_QUERY = 5_000;

    public StoreSetup {
        relays = List.copyOf(relays);
        if (fromBlock.signum() < 0) {
            throw new IllegalArgumentException("fromBlock cannot be negative");
        }
    }
}
