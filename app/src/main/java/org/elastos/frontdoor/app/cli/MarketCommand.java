package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.market.ChainRightsOracle;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.EarningsHistory;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.RoyaltyShares;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.AtomicFile;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "market", description = {
        "Vending machines on chain: list content, toggle and price it, buy access, check it, share and withdraw earnings.",
        "Commands that send a transaction show its fee first; they ask before sending at a terminal and need --yes otherwise.",
        "The vault password is read from the terminal, or from the first line of standard input."},
        subcommands = {MarketCommand.ListAsset.class, MarketCommand.Toggle.class, MarketCommand.Price.class,
                MarketCommand.Buy.class, MarketCommand.Access.class, MarketCommand.Shares.class,
                MarketCommand.GiveShares.class, MarketCommand.Earnings.class, MarketCommand.Withdraw.class})
final class MarketCommand {

    /** What every subcommand takes: the chain, the vault, and whether to send without asking. */
    static final class Context {
        @Mixin
        ChainOptions chain;

        @Option(names = "--vault", paramLabel = "DIR", required = true, description = "the vault of the account to act as")
        Path vault;

        @Option(names = "--yes", description = "send without asking (scripts)")
        boolean yes;

        /** Unlocks the vault, prepares the call, shows the fee, asks, sends, and prints the result. */
        int send(Function<Market, ContractCall> build, ObjectNode result) throws Exception {
            try (EvmRpc rpc = chain.connect(); Wallet wallet = Wallet.open(Vault.at(vault))) {
                Market market = Market.on(rpc);
                ContractCall call = build.apply(market);
                Terminal terminal = Terminal.system();
                Signer signer = terminal.unlock(wallet);
                SentTransaction sent = Sending.send(rpc, signer, call, terminal, yes, "not sent");
                Coin coin = rpc.chain().coin();
                result.put("transaction", sent.hash());
                result.put("block", sent.blockNumber().longValueExact());
                result.put("fee_paid", coin.format(sent.feePaid()));
                rpc.chain().explorerLink(sent.hash()).ifPresent(link -> result.put("explorer", link.toString()));
                System.out.println(Json.MAPPER.writeValueAsString(result));
                return 0;
            }
        }

        EvmAddress account() {
            return Vault.at(vault).identity().evmAddress();
        }
    }

    /** Reads that need an account but no password: the vault's public address, or any address given. */
    static final class Reader {
        @Mixin
        ChainOptions chain;

        @ArgGroup(multiplicity = "1")
        Who who;

        static final class Who {
            @Option(names = "--vault", paramLabel = "DIR", description = "the vault whose account to look at")
            Path vault;

            @Option(names = "--holder", paramLabel = "ADDRESS", description = "any account")
            String holder;
        }

        EvmAddress account() {
            return who.holder != null ? new EvmAddress(who.holder) : Vault.at(who.vault).identity().evmAddress();
        }
    }

    @Command(name = "list", description = "List content for sale; you become its seller and hold its 1000 shares.")
    static final class ListAsset implements Callable<Integer> {
        @Mixin Context context;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;
        @Option(names = "--price", required = true, paramLabel = "COINS", description = "like 2.5") String price;
        @Option(names = "--uri", paramLabel = "URI", defaultValue = "", description = "metadata URI") String uri;

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            return context.send(market -> market.list(id, market.chain().coin().parse(price), uri), result(id));
        }
    }

    @Command(name = "toggle", description = "Put your listing on sale or pause it.")
    static final class Toggle implements Callable<Integer> {
        @Mixin Context context;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;
        @ArgGroup(multiplicity = "1") OnOff state;

        static final class OnOff {
            @Option(names = "--on", description = "for sale") boolean on;
            @Option(names = "--off", description = "paused") boolean off;
        }

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            ObjectNode result = result(id).put("for_sale", state.on);
            return context.send(market -> market.setForSale(id, state.on), result);
        }
    }

    @Command(name = "price", description = "Change the price of your listing.")
    static final class Price implements Callable<Integer> {
        @Mixin Context context;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;
        @Option(names = "--price", required = true, paramLabel = "COINS") String price;

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            return context.send(market -> market.setPrice(id, market.chain().coin().parse(price)), result(id));
        }
    }

    @Command(name = "buy", description = "Buy access: pays the listed price unless --pay says otherwise.")
    static final class Buy implements Callable<Integer> {
        @Mixin Context context;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;
        @Option(names = "--pay", paramLabel = "COINS", description = "the amount to pay (default: the listed price)") String pay;

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            return context.send(market -> pay != null ? market.buyAccess(id, market.chain().coin().parse(pay))
                    : Checkout.purchase(market, id), result(id));
        }
    }

    @Command(name = "access", description = "Whether an account may watch: read at the chain's confirmation depth.")
    static final class Access implements Callable<Integer> {
        @Mixin Reader reader;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            EvmAddress holder = reader.account();
            try (EvmRpc rpc = reader.chain.connect()) {
                ChainRightsOracle oracle = new ChainRightsOracle(rpc, rpc.chain().requireMarket());
                BigInteger block = oracle.confirmedBlock();
                boolean access = oracle.hasAccessAt(holder, id, block);
                ObjectNode result = result(id).put("holder", holder.value()).put("has_access", access)
                        .put("block", block.longValueExact()).put("confirmations", rpc.chain().confirmations());
                System.out.println(Json.MAPPER.writeValueAsString(result));
                return access ? 0 : 2;
            }
        }
    }

    @Command(name = "shares", description = "An account's royalty shares of one asset, in 0.1% units.")
    static final class Shares implements Callable<Integer> {
        @Mixin Reader reader;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            EvmAddress holder = reader.account();
            try (EvmRpc rpc = reader.chain.connect()) {
                RoyaltyShares shares = Market.on(rpc).shares(holder, id);
                System.out.println(Json.MAPPER.writeValueAsString(result(id).put("holder", holder.value())
                        .put("shares", shares.units()).put("percent", shares.percent())));
                return 0;
            }
        }
    }

    @Command(name = "give-shares", description = "Transfer royalty shares: --shares 250 or --shares 25%.")
    static final class GiveShares implements Callable<Integer> {
        @Mixin Context context;
        @Option(names = "--content-id", required = true, paramLabel = "HEX") String contentId;
        @Option(names = "--to", required = true, paramLabel = "ADDRESS") String to;
        @Option(names = "--shares", required = true, paramLabel = "N|P%") String shares;

        @Override
        public Integer call() throws Exception {
            ContentId id = ContentId.parse(contentId);
            EvmAddress recipient = new EvmAddress(to);
            RoyaltyShares amount = RoyaltyShares.parse(shares);
            ObjectNode result = result(id).put("to", recipient.value()).put("shares", amount.units());
            return context.send(market -> market.transferShares(context.account(), recipient, id, amount), result);
        }
    }

    @Command(name = "earnings", description = "Withdrawable earnings now, and their history per asset and day from the chain's events.")
    static final class Earnings implements Callable<Integer> {
        @Mixin Reader reader;
        @Option(names = "--from-block", paramLabel = "N", defaultValue = "0", description = "where the history starts") long fromBlock;
        @Option(names = "--blocks-per-query", paramLabel = "N", defaultValue = "2000", description = "log range per request") int blocksPerQuery;
        @Option(names = "--csv", paramLabel = "FILE", description = "also write the sales (time, item, buyer, price, your credit) as CSV") Path csv;

        @Override
        public Integer call() throws Exception {
            EvmAddress holder = reader.account();
            try (EvmRpc rpc = reader.chain.connect()) {
                Market market = Market.on(rpc);
                Coin coin = rpc.chain().coin();
                EarningsHistory history = market.earnings(holder, BigInteger.valueOf(fromBlock), blocksPerQuery);
                BigInteger withdrawable = market.withdrawable(holder);
                ObjectNode result = Json.MAPPER.createObjectNode().put("holder", holder.value())
                        .put("withdrawable", coin.format(withdrawable))
                        .put("withdrawable_wei", withdrawable.toString())
                        .put("earned_total", coin.format(history.total()));
                ArrayNode days = result.putArray("history");
                for (EarningsHistory.Entry entry : history.entries()) {
                    days.addObject().put("day", entry.day().toString()).put("content_id", entry.contentId().hex())
                            .put("earned", coin.format(entry.amount())).put("earned_wei", entry.amount().toString());
                }
                result.put("sales", history.sales().size());
                if (csv != null) {
                    AtomicFile.write(csv, history.csv(ContentId::hex, coin).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    result.put("csv", csv.toString());
                }
                System.out.println(Json.pretty(result));
                return 0;
            }
        }
    }

    @Command(name = "withdraw", description = "Withdraw everything your shares and sales have earned.")
    static final class Withdraw implements Callable<Integer> {
        @Mixin Context context;

        @Override
        public Integer call() throws Exception {
            return context.send(Market::withdraw, Json.MAPPER.createObjectNode().put("account", context.account().value()));
        }
    }

    private static ObjectNode result(ContentId id) {
        return Json.MAPPER.createObjectNode().put("content_id", id.hex());
    }
}
