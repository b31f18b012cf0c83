package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One transaction as a person goes through it, on the same path for the screens and the command line: prepared
 * first, with its fee and total known and the account's balance checked, before anything is signed; sent only when
 * the person has seen that; then followed until it is mined, and on until the chain's confirmations make it count.
 */
public final class Checkout {
    /** Where a sent transaction has got to. */
    public sealed interface Step {
        /** Signed and handed to the node. */
        record Sending(String description) implements Step {
        }

        /** In a block, with what its fee came to. */
        record Mined(SentTransaction sent) implements Step {
        }

        /** {@code confirmations} blocks on top of it, of the {@code needed} that make it count. */
        record Confirming(int confirmations, int needed) implements Step {
        }
    }

    /** What a person sees before saying yes: the amounts in wei, in the chain's coin. */
    public record Quote(String description, String chain, EvmAddress from, BigInteger value, BigInteger maxFee,
                        BigInteger maxTotal, BigInteger balance, Coin coin) {
    }

    private final EvmRpc rpc;
    private final Transactions transactions;
    private final PreparedTransaction prepared;
    private final Quote quote;

    private Checkout(EvmRpc rpc, Transactions transactions, PreparedTransaction prepared, Quote quote) {
        this.rpc = rpc;
        this.transactions = transactions;
        this.prepared = prepared;
        this.quote = quote;
    }

    /**
     * Prepares {@code call} for {@code signer}'s account: nothing is signed yet.
     *
     * @throws RefusedByChainException when the account cannot afford it ({@link Refusal.CannotAfford}, with both
     *                                  amounts) or the call would be refused now
     */
    public static Checkout prepare(EvmRpc rpc, Signer signer, ContractCall call) {
        BigInteger balance = rpc.balance(signer.evmAddress());
        if (balance.compareTo(call.value()) < 0) {
            throw new RefusedByChainException(new Refusal.CannotAfford(call.value(), balance), rpc.chain().coin());
        }
        Transactions transactions = new Transactions(rpc, signer);
        PreparedTransaction prepared;
        try {
            prepared = transactions.prepare(call);
        } catch (RefusedByChainException e) {
            if (e.refusal() instanceof Refusal.InsufficientFunds) {
                throw new RefusedByChainException(new Refusal.CannotAfford(call.value(), balance), rpc.chain().coin());
            }
            throw e;
        }
        return new Checkout(rpc, transactions, prepared, new Quote(call.description(), rpc.chain().displayName(),
                prepared.from(), call.value(), prepared.maxFee(), prepared.maxTotal(), balance, rpc.chain().coin()));
    }

    /**
     * A purchase of {@code contentId} at its listed price.
     *
     * @throws RefusedByChainException when it is not listed, or its seller has paused it
     */
    public static ContractCall purchase(Market market, ContentId contentId) {
        Listing listing = market.listing(contentId).orElseThrow(() ->
                new RefusedByChainException(new Refusal.NotListed(contentId), market.chain().coin()));
        if (!listing.forSale()) {
            throw new RefusedByChainException(new Refusal.NotForSale(contentId), market.chain().coin());
        }
        return market.buyAccess(contentId, listing.price());
    }

    public Quote quote() {
        return quote;
    }

    /** Where a person can look the sent transaction up, on chains that have an explorer. */
    public Optional<URI> explorerLink(SentTransaction sent) {
        return rpc.chain().explorerLink(sent.hash());
    }

    /**
     * Signs and sends, and waits until it is mined.
     *
     * @throws RefusedByChainException when it was mined but reverted, with the reason
     * @throws ReceiptTimeoutException when it was not mined in time
     */
    public SentTransaction send(Consumer<Step> progress) {
        progress.accept(new Step.Sending(quote.description()));
        SentTransaction sent = transactions.send(prepared);
        progress.accept(new Step.Mined(sent));
        return sent;
    }

    /**
     * Follows a mined transaction until it counts: as many blocks on top of it as the chain's profile asks, which is
     * when a rights check (made at the newest block less those) sees it.
     *
     * @throws ReceiptTimeoutException when the chain did not get that far within {@code patience}
     */
    public void awaitConfirmations(SentTransaction sent, Consumer<Step> progress, Duration poll, Duration patience)
            throws InterruptedException {
        int needed = rpc.chain().confirmations();
        long deadline = System.nanoTime() + patience.toNanos();
        int reported = -1;
        while (true) {
            int confirmations = rpc.blockNumber().subtract(sent.blockNumber()).max(BigInteger.ZERO)
                    .min(BigInteger.valueOf(needed)).intValueExact();
            if (confirmations != reported) {
                progress.accept(new Step.Confirming(confirmations, needed));
                reported = confirmations;
            }
            if (confirmations >= needed) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw ReceiptTimeoutException.unconfirmed(sent.hash(), patience);
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
