package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.elastos.frontdoor.app.DataFolder;
import org.elastos.frontdoor.market.ChainProfile;
import org.elastos.frontdoor.market.ChainProfiles;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.wallet.EvmAddress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which chain and market a command talks to; shared by every `market` subcommand. */
final class ChainOptions {
    @Option(names = "--chain", paramLabel = "NAME", defaultValue = "dev",
            description = "esc, esc-testnet, base or dev (default ${DEFAULT-VALUE}), or a chain id")
    String chain;

    @Option(names = "--rpc", paramLabel = "URL", description = "use this RPC URL instead of the profile's")
    URI rpc;

    @Option(names = "--market", paramLabel = "ADDRESS", description = "the market contract (needed on public chains)")
    String market;

    @Option(names = "--data", paramLabel = "DIR", description = "data folder, where `chain dev` leaves its address (default: this user's)")
    Path data;

    /** Connects and checks the node serves the chain asked for, before anything is signed for it. */
    EvmRpc connect() throws IOException {
        return connect(chain, rpc, market, data);
    }

    /**
     * The same for commands whose own {@code --data} means something else (a box's folder): the development chain's
     * address is then looked up in this user's data folder, or {@code devChainFolder}.
     */
    static EvmRpc connect(String chain, URI rpc, String market, Path devChainFolder) throws IOException {
        ChainOptions options = new ChainOptions();
        options.chain = chain;
        options.rpc = rpc;
        options.market = market;
        options.data = devChainFolder;
        return options.open();
    }

    private EvmRpc open() throws IOException {
        ChainProfile profile = ChainProfiles.named(chain);
        boolean recordedDevChain = false;
        if (profile.chainId() == ChainProfiles.DEV.chainId() && (rpc == null || market == null)) {
            profile = runningDevChain(profile);
            recordedDevChain = rpc == null;
        }
        if (rpc != null) {
            profile = profile.withRpcUrl(rpc);
        }
        if (market != null) {
            profile = profile.withMarket(new EvmAddress(market));
        }
        EvmRpc connection = new EvmRpc(profile);
        try {
            connection.requireExpectedChain();
        } catch (ChainUnreachableException e) {
            connection.close();
            if (recordedDevChain) {
                throw new CliException("the development chain recorded in " + devChainFile()
                        + " is not running any more; start it again with `frontdoor chain dev`");
            }
            throw e;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Path devChainFile() {
        return (data != null ? data : DataFolder.forThisUser()).resolve(ChainCommand.DEV_CHAIN_FILE);
    }

    private ChainProfile runningDevChain(ChainProfile dev) throws IOException {
        Path info = devChainFile();
        if (!Files.isRegularFile(info)) {
            if (rpc == null) {
                throw new CliException("no development chain is running (no " + info + "); start one with `frontdoor chain dev`");
            }
            return dev;
        }
        JsonNode running = Json.MAPPER.readTree(info.toFile());
        return dev.withRpcUrl(URI.create(running.path("rpc_url").asText()))
                .withMarket(new EvmAddress(running.path("market").asText()));
    }
}
