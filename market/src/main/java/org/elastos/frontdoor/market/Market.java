package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vending-machine market on one chain: reads answer from the newest block; changes come back as
 * {@link ContractCall}s for {@link Transactions} to price, sign and send.
 */
public final class Market {
    private final EvmRpc rpc;
    private final EvmAddress contract;

    public Market(EvmRpc rpc, EvmAddress contract) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    /** @throws MarketNotConfiguredException when the chain's profile names no market */
    public static Market on(EvmRpc rpc) {
        return new Market(rpc, rpc.chain().requireMarket());
    }

    public EvmAddress contract() {
        return contract;
    }

    public ChainProfile chain() {
        return rpc.chain();
    }

    /** The listing, or empty when the content id was never listed here. */
    public Optional<Listing> listing(ContentId contentId) {
        String answer;
        try {
            answer = rpc.call(contract, MarketAbi.asset(contentId), rpc.blockNumber());
        } catch (RefusedByChainException refused) {
            if (refused.refusal() instanceof Refusal.NotListed) {
                return Optional.empty();
            }
            throw refused;
        }
        List<Type> fields = MarketAbi.decodeAsset(answer);
        return Optional.of(new Listing(contentId, new EvmAddress(((Address) fields.get(0)).getValue()),
                ((Bool) fields.get(1)).getValue(), ((Uint256) fields.get(2)).getValue(),
                ((Utf8String) fields.get(3)).getValue()));
    }

    public RoyaltyShares shares(EvmAddress holder, ContentId contentId) {
        BigInteger units = MarketAbi.decodeUint(rpc.call(contract, MarketAbi.sharesOf(holder, contentId), rpc.blockNumber()));
        return new RoyaltyShares(units.longValueExact());
    }

    /** What {@code account} would receive by withdrawing now, across every asset it holds shares of. */
    public BigInteger withdrawable(EvmAddress account) {
        return MarketAbi.decodeUint(rpc.call(contract, MarketAbi.withdrawable(account), rpc.blockNumber()));
    }

    public ContractCall list(ContentId contentId, BigInteger price, String metadataUri) {
        return new ContractCall("list " + contentId + " at " + rpc.chain().coin().format(price), contract,
                BigInteger.ZERO, MarketAbi.list(contentId, price, metadataUri));
    }

    public ContractCall setForSale(ContentId contentId, boolean forSale) {
        return new ContractCall((forSale ? "put " + contentId + " on sale" : "pause sales of " + contentId), contract,
                BigInteger.ZERO, MarketAbi.setForSale(contentId, forSale));
    }

    public ContractCall setPrice(ContentId contentId, BigInteger price) {
        return new ContractCall("set the price of " + contentId + " to " + rpc.chain().coin().format(price), contract,
                BigInteger.ZERO, MarketAbi.setPrice(contentId, price));
    }

    /** Pays {@code payment}, which must be exactly the listed price for the chain to accept it. */
    public ContractCall buyAccess(ContentId contentId, BigInteger payment) {
        return new ContractCall("buy access to " + contentId + " for " + rpc.chain().coin().format(payment), contract,
                payment, MarketAbi.buyAccess(contentId));
    }

    public ContractCall transferShares(EvmAddress from, EvmAddress to, ContentId contentId, RoyaltyShares shares) {
        return new ContractCall("give " + shares.units() + " shares (" + shares.percent() + ") of " + contentId + " to " + to,
                contract, BigInteger.ZERO,
                MarketAbi.safeTransferFrom(from, to, MarketAbi.shareTokenId(contentId), BigInteger.valueOf(shares.units())));
    }

    public ContractCall withdraw() {
        return new ContractCall("withdraw earnings", contract, BigInteger.ZERO, MarketAbi.withdraw());
    }

    /** A rights oracle reading this market at the chain's confirmation depth. */
    public RightsOracle rightsOracle() {
        return new ChainRightsOracle(rpc, contract);
    }

    /**
     * Every listing on this market, from its events from {@code fromBlock} on, fetched {@code blocksPerQuery}
     * blocks at a time, each read as it stands now.
     */
    public Shelf shelf(BigInteger fromBlock, int blocksPerQuery) {
        return Shelf.fetch(this, rpc, fromBlock, blocksPerQuery);
    }

    /** Earnings of {@code holder} from this market's events, fetched {@code blocksPerQuery} blocks at a time. */
    public EarningsHistory earnings(EvmAddress holder, BigInteger fromBlock, int blocksPerQuery) {
        return EarningsHistory.fetch(rpc, contract, holder, fromBlock, blocksPerQuery);
    }
}
