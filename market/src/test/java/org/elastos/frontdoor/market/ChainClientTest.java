package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain client against a real Hardhat node: refusals, nonces, fees, caching and failure. */
class ChainClientTest {
    private static final BigInteger COIN = BigInteger.TEN.pow(18);

    @TempDir
    static Path folder;
    private static DevChain chain;
    private static Signer seller;
    private static Signer buyer;
    private static Market market;

    @BeforeAll
    static void startChain() {
        seller = TestAccounts.signer(folder.resolve("seller"), TestAccounts.SELLER);
        buyer = TestAccounts.signer(folder.resolve("buyer"), TestAccounts.BUYER);
        chain = DevChain.start(HardhatProject.locate(),
                Map.of("seller", seller.evmAddress(), "buyer", buyer.evmAddress()), COIN.multiply(BigInteger.TEN));
        market = Market.on(chain.rpc());
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void refusesAWrongPaymentBeforeSigningAndSaysThePrice() {
        ContentId film = listed("11111111111111111111111111111111", Coin.ELA.parse("2.5"));
        BigInteger before = chain.rpc().balance(buyer.evmAddress());
        BigInteger nonceBefore = chain.rpc().pendingNonce(buyer.evmAddress());

        RefusedByChainException refused = assertThrows(RefusedByChainException.class,
                () -> new Transactions(chain.rpc(), buyer).prepare(market.buyAccess(film, Coin.ELA.parse("2"))));

        assertEquals(new Refusal.WrongPayment(film, Coin.ELA.parse("2.5"), Coin.ELA.parse("2")), refused.refusal());
        assertTrue(refused.getMessage().contains("is 2.5 devELA, you sent 2 devELA"), refused.getMessage());
        assertEquals(before, chain.rpc().balance(buyer.evmAddress()), "nothing was spent");
        assertEquals(nonceBefore, chain.rpc().pendingNonce(buyer.evmAddress()), "nothing was sent");
    }

    @Test
    void decodesTheReasonOfATransactionThatRevertedAfterItWasMined() {
        ContentId film = listed("22222222222222222222222222222222", BigInteger.valueOf(1_000_003));
        Transactions buyerSends = new Transactions(chain.rpc(), buyer);
        PreparedTransaction purchase = buyerSends.prepare(market.buyAccess(film, BigInteger.valueOf(1_000_003)));
        new Transactions(chain.rpc(), seller).submit(market.setForSale(film, false));

        RefusedByChainException refused = assertThrows(RefusedByChainException.class, () -> buyerSends.send(purchase));

        assertEquals(new Refusal.NotForSale(film), refused.refusal());
        assertTrue(refused.getMessage().contains("paused sales"), refused.getMessage());
    }

    @Test
    void refusesChangesFromAnyoneButTheSeller() {
        ContentId film = listed("33333333333333333333333333333333", BigInteger.valueOf(7));
        RefusedByChainException refused = assertThrows(RefusedByChainException.class,
                () -> new Transactions(chain.rpc(), buyer).prepare(market.setPrice(film, BigInteger.ONE)));
        assertEquals(new Refusal.NotSeller(film, buyer.evmAddress(), seller.evmAddress()), refused.refusal());
    }

    @Test
    void keepsNoncesInOrderWhenOneAccountSendsFromManyThreads() throws Exception {
        ContentId film = listed("44444444444444444444444444444444", BigInteger.valueOf(11));
        Transactions sellerSends = new Transactions(chain.rpc(), seller);
        BigInteger nonceBefore = chain.rpc().pendingNonce(seller.evmAddress());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SentTransaction>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BigInteger price = BigInteger.valueOf(100 + i);
                sends.add(pool.submit(() -> sellerSends.submit(market.setPrice(film, price))));
            }
            for (Future<SentTransaction> send : sends) {
                assertTrue(send.get().gasUsed().signum() > 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(nonceBefore.add(BigInteger.valueOf(8)), chain.rpc().pendingNonce(seller.evmAddress()));
    }

    @Test
    void answersAListingThatDoesNotExistWithEmpty() {
        assertTrue(market.listing(ContentId.parse("55555555555555555555555555555555")).isEmpty());
    }

    @Test
    void cachesRightsPerConfirmedBlockAndForgetsThemOnTheNext() {
        ContentId film = listed("66666666666666666666666666666666", BigInteger.valueOf(13));
        AtomicLong now = new AtomicLong();
        ChainRightsOracle direct = new ChainRightsOracle(chain.rpc(), chain.market());
        PerBlockRightsCache cached = new PerBlockRightsCache(direct, Duration.ofSeconds(1), now::get);
        assertFalse(cached.hasAccess(buyer.evmAddress(), film));

        new Transactions(chain.rpc(), buyer).submit(market.buyAccess(film, BigInteger.valueOf(13)));
        chain.mine(2);
        assertTrue(direct.hasAccess(buyer.evmAddress(), film));
        assertFalse(cached.hasAccess(buyer.evmAddress(), film), "within the refresh interval the cached block answers");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(cached.hasAccess(buyer.evmAddress(), film), "a new confirmed block clears the cache");
    }

    @Test
    void aRightsCheckAgainstAnUnreachableChainIsAnErrorNeverAnAnswer() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ChainProfile gone = ChainProfiles.DEV.withRpcUrl(URI.create("http://127.0.0.1:" + closedPort));
        try (EvmRpc rpc = new EvmRpc(gone)) {
            RightsOracle oracle = new ChainRightsOracle(rpc, chain.market());
            ChainUnreachableException failure = assertThrows(ChainUnreachableException.class,
                    () -> oracle.hasAccess(buyer.evmAddress(), ContentId.parse("66666666666666666666666666666666")));
            assertTrue(failure.getMessage().contains("cannot reach"), failure.getMessage());
        }
    }

    @Test
    void refusesANodeThatServesAnotherChain() {
        try (EvmRpc rpc = new EvmRpc(ChainProfiles.ESC.withRpcUrl(chain.rpcUrl()))) {
            assertInstanceOf(WrongChainException.class, assertThrows(MarketException.class, rpc::requireExpectedChain));
        }
    }

    @Test
    void refusesASpendTheAccountCannotAfford() {
        ContentId film = listed("77777777777777777777777777777777", COIN.multiply(BigInteger.valueOf(1000)));
        RefusedByChainException refused = assertThrows(RefusedByChainException.class,
                () -> new Transactions(chain.rpc(), buyer).prepare(market.buyAccess(film, COIN.multiply(BigInteger.valueOf(1000)))));
        assertInstanceOf(Refusal.InsufficientFunds.class, refused.refusal());
    }

    @Test
    void aClosedDevChainStopsItsNode() {
        try (DevChain second = DevChain.start(HardhatProject.locate(), Map.of(), BigInteger.ZERO)) {
            assertTrue(second.isRunning());
            second.close();
            assertFalse(second.isRunning());
            try (EvmRpc rpc = new EvmRpc(second.profile())) {
                assertThrows(ChainUnreachableException.class, rpc::blockNumber);
            }
        }
    }

    private static ContentId listed(String hex, BigInteger price) {
        ContentId id = ContentId.parse(hex);
        new Transactions(chain.rpc(), seller).submit(market.list(id, price, "ipfs://" + hex));
        return id;
    }
}
