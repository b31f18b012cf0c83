package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Rights checks per second against a local Hardhat node: every check asking the chain (the baseline), then a
 * per-block cache that reads the block number on every check, then one that reads it at most once a second. Each
 * figure is the best of five rounds, and the cached figures are given as ratios to the baseline of the same run.
 *
 * <pre>scripts/benchmark.sh market org.elastos.frontdoor.market.RightsCheckBenchmark</pre>
 */
public final class RightsCheckBenchmark {
    private static final int ROUNDS = 5;
    private static final Duration ROUND = Duration.ofSeconds(2);

    private RightsCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("rights-bench");
        Signer seller = TestAccounts.signer(folder.resolve("seller"), TestAccounts.SELLER);
        Signer buyer = TestAccounts.signer(folder.resolve("buyer"), TestAccounts.BUYER);
        EvmAddress stranger = TestAccounts.signer(folder.resolve("stranger"), TestAccounts.PARTNER).evmAddress();
        try (DevChain chain = DevChain.start(HardhatProject.locate(),
                Map.of("seller", seller.evmAddress(), "buyer", buyer.evmAddress()), BigInteger.TEN.pow(19))) {
            Market market = Market.on(chain.rpc());
            ContentId film = ContentId.parse("0x0123456789abcdef0123456789abcdef");
            new Transactions(chain.rpc(), seller).submit(market.list(film, BigInteger.valueOf(1_000_003), ""));
            new Transactions(chain.rpc(), buyer).submit(market.buyAccess(film, BigInteger.valueOf(1_000_003)));
            chain.mine(chain.profile().confirmations());

            ChainRightsOracle direct = new ChainRightsOracle(chain.rpc(), chain.market());
            EvmAddress[] holders = {buyer.evmAddress(), stranger};
            double cold = best(direct, holders, film);
            double everyCheck = best(new PerBlockRightsCache(direct, Duration.ZERO), holders, film);
            double perSecond = best(new PerBlockRightsCache(direct, Duration.ofSeconds(1)), holders, film);

            System.out.printf("rights checks per second, best of %d rounds of %d s, local Hardhat node%n", ROUNDS, ROUND.toSeconds());
            System.out.printf("  cold (block number + eth_call each)        %10.0f /s   1.00x%n", cold);
            System.out.printf("  per-block cache, block read every check    %10.0f /s   %.2fx%n", everyCheck, everyCheck / cold);
            System.out.printf("  per-block cache, block read at most 1/s    %10.0f /s   %.0fx%n", perSecond, perSecond / cold);
        }
    }

    private static double best(RightsOracle oracle, EvmAddress[] holders, ContentId film) {
        for (int i = 0; i < 200; i++) {
            check(oracle, holders[i % 2], film, i % 2 == 0);
        }
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long checks = 0;
            long start = System.nanoTime();
            long end = start + ROUND.toNanos();
            long now;
            do {
                check(oracle, holders[(int) (checks % 2)], film, checks % 2 == 0);
                checks++;
                now = System.nanoTime();
            } while (now < end);
            best = Math.max(best, checks / ((now - start) / 1e9));
        }
        return best;
    }

    private static void check(RightsOracle oracle, EvmAddress holder, ContentId film, boolean expected) {
        if (oracle.hasAccess(holder, film) != expected) {
            throw new IllegalStateException("wrong answer for " + holder);
        }
    }
}
