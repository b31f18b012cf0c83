package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.app.DataFolder;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.DevChainNotRunningException;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.wallet.EvmAddress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Which chain and market a command talks to, as options; shared by every `market` subcommand (see ChainChoice). */
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
        ChainChoice choice = new ChainChoice(chain, Optional.ofNullable(rpc), Optional.ofNullable(market).map(EvmAddress::new),
                data != null ? data : DataFolder.forThisUser());
        try {
            return choice.connect();
        } catch (DevChainNotRunningException e) {
            throw new CliException(e.getMessage());
        }
    }
}
