package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.box.shop.VendingMachines;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.media.FilmRefusedException;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The vending-machine switch from a terminal, for a box with no screen: `box sell` turns it on, `box unsell` off. */
final class BoxSellCommand {
    private BoxSellCommand() {
    }

    /** The options both take: the box, the item, the seller, the chain. */
    static final class Where {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "the box's folder") Path data;
        @Parameters(paramLabel = "PATH", description = "a file or folder of the box, as the app shows it: Photos/Summer") String path;
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "the seller's vault") Path vault;
        @Option(names = "--chain", paramLabel = "NAME", defaultValue = "dev", description = "esc, esc-testnet, base or dev (default ${DEFAULT-VALUE})") String chain;
        @Option(names = "--rpc", paramLabel = "URL", description = "the chain's RPC URL, if not its profile's") URI rpc;
        @Option(names = "--market", paramLabel = "ADDRESS", description = "the market contract (needed on public chains)") String market;
        @Option(names = "--yes", description = "send without asking (scripts)") boolean yes;

        VendingMachines machines() throws Exception {
            return VendingMachines.of(data, HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()), Clock.systemUTC());
        }
    }

    @Command(name = "sell", description = {"Put a file or folder of the box up for sale (beside a running box, or before it starts):",
            "--download seals a copy for the buyer to keep, --watch packages a film for the player. Then it is listed on",
            "chain at --price; the fee is shown before anything is sent. Selling a machine that is paused resumes it, at",
            "--price. Progress and the fee go to standard error; the result is one line of JSON on standard output.",
            "The vault password is read from the terminal, or from the first line of standard input."})
    static final class Sell implements Callable<Integer> {
        @picocli.CommandLine.Mixin Where where;
        @Option(names = "--price", required = true, paramLabel = "COINS", description = "its price, like 2.5") String price;
        @ArgGroup(multiplicity = "1") Delivery delivery;
        @Option(names = "--title", paramLabel = "T", defaultValue = "", description = "what buyers see (default: its name)") String title;

        static final class Delivery {
            @Option(names = "--watch", description = "a film, watched in the player") boolean watch;
            @Option(names = "--download", description = "a copy to keep") boolean download;
        }

        @Override
        public Integer call() throws Exception {
            VendingMachines machines = where.machines();
            try (EvmRpc rpc = ChainOptions.connect(where.chain, where.rpc, where.market, null); Wallet wallet = Wallet.open(Vault.at(where.vault))) {
                Market market = Market.on(rpc);
                Coin coin = rpc.chain().coin();
                BigInteger amount = coin.parse(price);
                Terminal terminal = Terminal.system();
                Signer seller = terminal.unlock(wallet);
                Optional<Shop.Machined> existing = machines.machineFor(where.path);
                if (existing.isPresent()) {
                    return resume(machines, market, rpc, seller, terminal, existing.get(), amount, coin);
                }
                StoreItem.Listed soldOn = new StoreItem.Listed(rpc.chain().chainId(), market.contract());
                StoreItem item;
                try {
                    item = machines.make(where.path, delivery.watch ? VendingMachines.Delivery.WATCH : VendingMachines.Delivery.DOWNLOAD,
                            title, soldOn, seller.evmAddress(), FilmCommand.progress()::at);
                    System.err.println();
                } catch (FilmRefusedException | IllegalArgumentException e) {
                    throw new CliException(e.getMessage());
                }
                SentTransaction sent = Sending.send(rpc, seller, machines.listing(market, item, amount), terminal, where.yes,
                        "packaged as " + item.contentIdHex() + " but not listed; the box takes it back when it next starts");
                StoreItem listed = machines.listed(item, seller.evmAddress(), rpc.chain().rpcUrl());
                ObjectNode result = result(listed, where.path).put("price", coin.format(amount)).put("for_sale", true);
                result.putArray("transactions").add(sent.hash());
                System.out.println(Json.MAPPER.writeValueAsString(result));
                return 0;
            }
        }

        private int resume(VendingMachines machines, Market market, EvmRpc rpc, Signer seller, Terminal terminal,
                           Shop.Machined machined, BigInteger amount, Coin coin) throws Exception {
            Listing listing = market.listing(ContentId.of(machined.item().contentId())).orElseThrow(() ->
                    new CliException(machined.item().contentIdHex() + " is not listed on " + rpc.chain().displayName()));
            ObjectNode result = result(machined.item(), where.path).put("price", coin.format(amount)).put("for_sale", true)
                    .put("resumed", true);
            ArrayNode sent = result.putArray("transactions");
            for (ContractCall call : machines.resume(market, listing, amount)) {
                sent.add(Sending.send(rpc, seller, call, terminal, where.yes, "not sent").hash());
            }
            System.out.println(Json.MAPPER.writeValueAsString(result));
            return 0;
        }
    }

    @Command(name = "unsell", description = {"Pause the sale of a file or folder of the box: nobody new can buy it, and those who",
            "bought keep their access. `box sell` resumes it. The fee is shown before anything is sent; the result is",
            "one line of JSON. The vault password is read from the terminal, or from the first line of standard input."})
    static final class Unsell implements Callable<Integer> {
        @picocli.CommandLine.Mixin Where where;

        @Override
        public Integer call() throws Exception {
            VendingMachines machines = where.machines();
            Shop.Machined machined = machines.machineFor(where.path).orElseThrow(() ->
                    new CliException(where.path + " is not for sale on this box"));
            try (EvmRpc rpc = ChainOptions.connect(where.chain, where.rpc, where.market, null); Wallet wallet = Wallet.open(Vault.at(where.vault))) {
                Market market = Market.on(rpc);
                Listing listing = market.listing(ContentId.of(machined.item().contentId())).orElseThrow(() ->
                        new CliException(machined.item().contentIdHex() + " is not listed on " + rpc.chain().displayName()));
                ObjectNode result = result(machined.item(), where.path).put("for_sale", false);
                ArrayNode sent = result.putArray("transactions");
                Optional<ContractCall> pause = machines.pause(market, listing);
                if (pause.isPresent()) {
                    Terminal terminal = Terminal.system();
                    Signer seller = terminal.unlock(wallet);
                    sent.add(Sending.send(rpc, seller, pause.get(), terminal, where.yes, "not paused").hash());
                }
                System.out.println(Json.MAPPER.writeValueAsString(result));
                return 0;
            }
        }
    }

    private static ObjectNode result(StoreItem item, String path) {
        ObjectNode result = Json.MAPPER.createObjectNode().put("content_id", item.contentIdHex()).put("path", path)
                .put("title", item.title()).put("delivery", item.watch().isPresent() ? "watch" : "download")
                .put("metadata_uri", item.metadataUri());
        item.listing().ifPresent(where -> result.put("chain_id", where.chainId()).put("market", where.market().value()));
        return result;
    }
}
