package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every vending machine a market holds, found from its {@code Listed} events (fetched a bounded range of blocks at
 * a time) and read as the chain holds each one now: its price, whether it is for sale, its metadata URI. The Store
 * shows a shelf; the Library is the part of it an account has the right to.
 */
public final class Shelf {
    /** The most listings a shelf reads (the newest): each costs a call, and anyone may list. */
    public static final int MAX_LISTINGS = 500;
    private static final String LISTED = MarketAbi.topic(MarketAbi.LISTED);

    private final List<Listing> listings;

    private Shelf(List<Listing> listings) {
        this.listings = List.copyOf(listings);
    }

    /** The newest listing first, {@link #MAX_LISTINGS} at most; paused ones too (the Store says so). */
    public List<Listing> listings() {
        return listings;
    }

    /** Those that can be bought now. */
    public List<Listing> forSale() {
        return listings.stream().filter(Listing::forSale).toList();
    }

    /**
     * What {@code holder} has the right to, as the rights check sees it (at the chain's confirmation depth), so a
     * film shows in the Library exactly when it would play.
     *
     * @throws ChainUnreachableException when the chain cannot be asked
     */
    public List<Listing> ownedBy(RightsOracle rights, EvmAddress holder) {
        return listings.stream().filter(listing -> rights.hasAccess(holder, listing.contentId())).toList();
    }

    static Shelf fetch(Market market, EvmRpc rpc, BigInteger fromBlock, int blocksPerQuery) {
        List<Log> logs = new ArrayList<>(rpc.logsSince(market.contract(), fromBlock, blocksPerQuery, LISTED));
        Collections.reverse(logs);
        Set<ContentId> seen = new LinkedHashSet<>();
        for (Log log : logs) {
            if (seen.size() == MAX_LISTINGS) {
                break;
            }
            if (log.getTopics().size() > 1 && log.getTopics().get(0).equals(LISTED)) {
                seen.add(ContentId.of(Numeric.hexStringToByteArray(log.getTopics().get(1).substring(2, 34))));
            }
        }
        List<Listing> listings = new ArrayList<>();
        for (ContentId contentId : seen) {
            market.listing(contentId).ifPresent(listings::add);
        }
        return new Shelf(listings);
    }
}
