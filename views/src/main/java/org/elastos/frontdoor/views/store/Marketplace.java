package org.elastos.frontdoor.views.store;

import org.elastos.frontdoor.link.SellerBoxes;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.EarningsEvents;
import org.elastos.frontdoor.market.EarningsHistory;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Shelf;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The market as the open identity's screens reach it: one connection to the chain (made when first needed, made
 * again after the node stopped answering), the sellers' boxes, and the account that buys. Closed with the shell.
 */
public final class Marketplace implements AutoCloseable {
    private final StoreSetup setup;
    private final Supplier<Signer> account;
    private final SellerBoxes sellers;
    private EvmRpc rpc;
    private EarningsEvents events;

    public Marketplace(StoreSetup setup, Supplier<Signer> account) {
        this.setup = setup;
        this.account = account;
        this.sellers = new SellerBoxes(setup.relays(), () -> account.get().device());
    }

    /**
     * The connection to the chain, checked to serve the chain chosen.
     *
     * @throws org.elastos.frontdoor.market.MarketException when it cannot be made (each reason its own type)
     */
    public synchronized EvmRpc rpc() {
        if (rpc == null) {
            try {
                rpc = setup.chain().connect();
            } catch (IOException e) {
                throw new UncheckedIOException("the record of the development chain cannot be read", e);
            }
        }
        return rpc;
    }

    public Market market() {
        return Market.on(rpc());
    }

    /** Every listing, as the chain holds it now. */
    public Shelf shelf() {
        try {
            return market().shelf(setup.fromBlock(), StoreSetup.BLOCKS_PER_QUERY);
        } catch (ChainUnreachableException e) {
            forget();
            throw e;
        }
    }

    /**
     * What {@code holder} earned, from the market's events kept since the last read (only newer blocks are asked for).
     */
    public EarningsHistory earnings(EvmAddress holder) {
        EarningsEvents kept;
        synchronized (this) {
            if (events == null) {
                events = new EarningsEvents(rpc(), market().contract(), setup.fromBlock(), StoreSetup.BLOCKS_PER_QUERY);
            }
            kept = events;
        }
        try {
            return kept.earnings(holder);
        } catch (ChainUnreachableException e) {
            forget();
            throw e;
        }
    }

    /** After the node stopped answering: the next request connects afresh (a dev chain may be on a new port). */
    public synchronized void forget() {
        if (rpc != null) {
            rpc.close();
            rpc = null;
        }
        events = null;
    }

    public SellerBoxes sellers() {
        return sellers;
    }

    public Signer account() {
        return account.get();
    }

    @Override
    public void close() {
        forget();
        sellers.close();
    }
}
