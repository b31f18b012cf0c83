package org.elastos.frontdoor.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elastos.frontdoor.wallet.EvmAddress;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which chain and market to talk to, as a person or a script names them: a profile's name or chain id, and perhaps
 * another RPC URL or market address. The development chain is found where `frontdoor chain dev` records it, in the
 * data folder. The command line and the screens connect through this, so both choose a chain the same way.
 */
public record ChainChoice(String chain, Optional<URI> rpc, Optional<EvmAddress> market, Path dataFolder) {
    /** Where a running development chain records its RPC URL and market, in the data folder. */
    public static final String DEV_CHAIN_FILE = "dev-chain.json";

    /**
     * Connects and checks the node serves the chain asked for, before anything is signed for it.
     *
     * @throws DevChainNotRunningException when the development chain is asked for and none is running
     * @throws ChainUnreachableException   when the node does not answer
     * @throws WrongChainException         when it serves another chain
     */
    public EvmRpc connect() throws IOException {
        ChainProfile profile = ChainProfiles.named(chain);
        boolean recordedDevChain = false;
        Path record = dataFolder.resolve(DEV_CHAIN_FILE);
        if (profile.chainId() == ChainProfiles.DEV.chainId() && (rpc.isEmpty() || market.isEmpty())) {
            if (Files.isRegularFile(record)) {
                JsonNode running = new ObjectMapper().readTree(record.toFile());
                profile = profile.withRpcUrl(URI.create(running.path("rpc_url").asText()))
                        .withMarket(new EvmAddress(running.path("market").asText()));
                recordedDevChain = rpc.isEmpty();
            } else if (rpc.isEmpty()) {
                throw new DevChainNotRunningException(record, false);
            }
        }
        if (rpc.isPresent()) {
            profile = profile.withRpcUrl(rpc.get());
        }
        if (market.isPresent()) {
            profile = profile.withMarket(market.get());
        }
        EvmRpc connection = new EvmRpc(profile);
        try {
            connection.requireExpectedChain();
        } catch (ChainUnreachableException e) {
            connection.close();
            if (recordedDevChain) {
                throw new DevChainNotRunningException(record, true);
            }
            throw e;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
