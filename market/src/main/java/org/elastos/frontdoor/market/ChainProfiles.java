package org.elastos.frontdoor.market;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The chains the app knows. Elastos Smart Chain finalises each block by PBFT, so one confirmation is final there;
 * Base is an optimistic rollup whose blocks come every two seconds, so it waits longer; the local chain waits two
 * blocks so the wait itself is visible and tested.
 */
public final class ChainProfiles {
    public static final ChainProfile ESC = new ChainProfile("esc", "Elastos Smart Chain", 20,
            URI.create("https://api.elastos.io/esc"), Optional.of(URI.create("https://esc.elastos.io/")),
            Coin.ELA, 1, Optional.empty());
    public static final ChainProfile ESC_TESTNET = new ChainProfile("esc-testnet", "Elastos Smart Chain testnet", 21,
            URI.create("https://api-testnet.elastos.io/esc"), Optional.of(URI.create("https://esc-testnet.elastos.io/")),
            new Coin("tELA", 18), 1, Optional.empty());
    public static final ChainProfile BASE = new ChainProfile("base", "Base", 8453,
            URI.create("https://mainnet.base.org"), Optional.of(URI.create("https://basescan.org/")),
            Coin.ETH, 10, Optional.empty());
    /** The Hardhat node {@link DevChain} starts; its URL and market address are filled in when it runs. */
    public static final ChainProfile DEV = new ChainProfile("dev", "Local development chain", 31337,
            URI.create("http://127.0.0.1:8545"), Optional.empty(), new Coin("devELA", 18), 2, Optional.empty());

    private static final List<ChainProfile> ALL = List.of(ESC, ESC_TESTNET, BASE, DEV);

    private ChainProfiles() {
    }

    public static List<ChainProfile> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException listing the known names when {@code nameOrId} is neither a name nor an id */
    public static ChainProfile named(String nameOrId) {
        for (ChainProfile profile : ALL) {
            if (profile.name().equalsIgnoreCase(nameOrId) || String.valueOf(profile.chainId()).equals(nameOrId)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown chain \"" + nameOrId + "\"; known: "
                + String.join(", ", ALL.stream().map(p -> p.name() + " (" + p.chainId() + ")").toList()));
    }
}
