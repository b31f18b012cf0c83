package org.elastos.frontdoor.box.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.market.ChainProfile;
import org.elastos.frontdoor.market.ChainProfiles;
import org.elastos.frontdoor.market.ChainRightsOracle;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.RightsOracle;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chains the box checks rights on, in {@code chains.json}: for each chain id, the RPC URL of a node the box
 * trusts (written when an item is listed there). The confirmations to wait for are the chain's profile's.
 */
public final class BoxChains implements ChainAccess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<Long, EvmRpc> connections = new ConcurrentHashMap<>();

    public BoxChains(Path data) {
        this.file = data.resolve("chains.json");
    }

    /** Remembers where to reach {@code chainId}. */
    public synchronized void remember(long chainId, URI rpcUrl) {
        ObjectNode all = read();
        all.put(String.valueOf(chainId), rpcUrl.toString());
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
        EvmRpc stale = connections.remove(chainId);
        if (stale != null) {
            stale.close();
        }
    }

    @Override
    public RightsOracle oracle(long chainId, EvmAddress market) {
        return new ChainRightsOracle(rpc(chainId), market);
    }

    @Override
    public Optional<Listing> listing(long chainId, EvmAddress market, ContentId contentId) {
        return new Market(rpc(chainId), market).listing(contentId);
    }

    private EvmRpc rpc(long chainId) {
        return connections.computeIfAbsent(chainId, id -> {
            JsonNode url = read().get(String.valueOf(id));
            ChainProfile profile = ChainProfiles.named(String.valueOf(id));
            if (url == null) {
                throw new ChainUnreachableException(profile, new IllegalStateException("the box knows no node of this chain;"
                        + " list the item from this box so it learns one"));
            }
            profile = profile.withRpcUrl(URI.create(url.asText()));
            return new EvmRpc(profile);
        });
    }

    private synchronized ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException(file + " is damaged; list the item again to write it anew", e);
        }
    }

    @Override
    public void close() {
        connections.values().forEach(EvmRpc::close);
        connections.clear();
    }
}
