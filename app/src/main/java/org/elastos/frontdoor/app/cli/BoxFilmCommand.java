package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.PreparedTransaction;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.FilmRefusedException;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "film", description = "Films in the box's shop window.", subcommands = BoxFilmCommand.Add.class)
final class BoxFilmCommand {
    @Command(name = "add", description = {"Package a film into the box's shop (beside a running box or before it starts) and,",
            "with --price, list it on chain with its metadata URI elastos://BOX_DID/store/CONTENT_ID.",
            "Progress and the fee go to standard error; the result is one line of JSON on standard output.",
            "The vault password is read from the terminal, or from the first line of standard input."})
    static final class Add implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "the box's folder") Path data;
        @Parameters(paramLabel = "FILE", description = "the film: any format ffmpeg reads") Path film;
        @Option(names = "--title", required = true, paramLabel = "T") String title;
        @Option(names = "--description", paramLabel = "D", defaultValue = "") String description;
        @Option(names = "--poster", paramLabel = "FILE", description = "a picture for it (default: a still from the film)") Path poster;
        @Option(names = "--price", paramLabel = "COINS", description = "list it for sale at this price, like 2.5") String price;
        @Option(names = "--vault", paramLabel = "DIR", description = "the seller's vault (with --price)") Path vault;
        @Option(names = "--chain", paramLabel = "NAME", defaultValue = "dev", description = "esc, esc-testnet, base or dev (default ${DEFAULT-VALUE})") String chain;
        @Option(names = "--rpc", paramLabel = "URL", description = "the chain's RPC URL, if not its profile's") URI rpc;
        @Option(names = "--market", paramLabel = "ADDRESS", description = "the market contract (needed on public chains)") String market;
        @Option(names = "--yes", description = "send without asking (scripts)") boolean yes;

        @Override
        public Integer call() throws Exception {
            if (price != null && vault == null) {
                throw new CliException("--price lists the film on chain and needs the seller's --vault");
            }
            HostKey box = HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom());
            Shop shop = Shop.in(data, box);
            if (price == null) {
                StoreItem item = add(shop, Optional.empty());
                System.out.println(Json.MAPPER.writeValueAsString(result(item)));
                return 0;
            }
            try (EvmRpc connection = ChainOptions.connect(chain, rpc, market, null); Wallet wallet = Wallet.open(Vault.at(vault))) {
                Market onChain = Market.on(connection);
                BigInteger amount = onChain.chain().coin().parse(price);
                Terminal terminal = Terminal.system();
                Signer seller = terminal.unlock(wallet);
                StoreItem.Listed where = new StoreItem.Listed(connection.chain().chainId(), onChain.contract());
                StoreItem item = add(shop, Optional.of(where));
                ContractCall listing = onChain.list(ContentId.of(item.contentId()), amount, item.metadataUri());
                Transactions transactions = new Transactions(connection, seller);
                PreparedTransaction prepared = transactions.prepare(listing);
                Coin coin = connection.chain().coin();
                System.err.println(listing.description() + " on " + connection.chain().displayName() + " as " + seller.evmAddress());
                System.err.println("fee: at most " + coin.format(prepared.maxFee()));
                if (!yes && !terminal.confirm("Send?")) {
                    throw new CliException("packaged as " + item.contentIdHex() + " but not listed"
                            + (terminal.interactive() ? "" : ": pass --yes to send without being asked"));
                }
                System.err.println("sending and waiting for it to be mined...");
                SentTransaction sent = transactions.send(prepared);
                StoreItem listed = shop.listed(item.contentId(), new StoreItem.Listed(where.chainId(), where.market(), seller.evmAddress()));
                new BoxChains(data).remember(where.chainId(), connection.chain().rpcUrl());
                ObjectNode result = result(listed).put("price", coin.format(amount)).put("transaction", sent.hash())
                        .put("block", sent.blockNumber().longValueExact()).put("fee_paid", coin.format(sent.feePaid()));
                System.out.println(Json.MAPPER.writeValueAsString(result));
                return 0;
            }
        }

        private StoreItem add(Shop shop, Optional<StoreItem.Listed> where) throws Exception {
            try {
                StoreItem item = shop.addFilm(film, title, description, Optional.ofNullable(poster), where, new FilmPackager(),
                        FilmCommand.progress());
                System.err.println();
                return item;
            } catch (FilmRefusedException e) {
                throw new CliException(e.getMessage());
            }
        }

        private static ObjectNode result(StoreItem item) {
            ObjectNode result = Json.MAPPER.createObjectNode().put("content_id", item.contentIdHex()).put("title", item.title())
                    .put("duration_s", item.watch().orElseThrow().durationSeconds()).put("metadata_uri", item.metadataUri());
            item.listing().ifPresent(where -> result.put("chain_id", where.chainId()).put("market", where.market().value()));
            return result;
        }
    }
}
