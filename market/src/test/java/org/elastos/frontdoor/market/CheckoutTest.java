package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A purchase as a person goes through it, on a real Hardhat node: quoted, then sent, mined and counted. */
class CheckoutTest {
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

    private static ContentId listed(String hex, BigInteger price) {
        ContentId id = ContentId.parse("0x" + hex);
        new Transactions(chain.rpc(), seller).submit(market.list(id, price, "elastos://box/store/0x" + hex));
        return id;
    }

    @Test
    void aPurchaseIsQuotedBeforeAnythingIsSignedThenSentMinedAndCounted() throws Exception {
        BigInteger price = Coin.ELA.parse("2.5");
        ContentId film = listed("0123456789abcdef0123456789abcdef", price);
        BigInteger nonce = chain.rpc().pendingNonce(buyer.evmAddress());
        BigInteger balance = chain.rpc().balance(buyer.evmAddress());

        Checkout checkout = Checkout.prepare(chain.rpc(), buyer, Checkout.purchase(market, film));
        Checkout.Quote quote = checkout.quote();
        assertEquals(price, quote.value());
        assertTrue(quote.maxFee().signum() > 0);
        assertEquals(price.add(quote.maxFee()), quote.maxTotal());
        assertEquals(balance, quote.balance());
        assertEquals(buyer.evmAddress(), quote.from());
        assertEquals("devELA", quote.coin().symbol());
        assertEquals(nonce, chain.rpc().pendingNonce(buyer.evmAddress()), "nothing was sent to quote it");

        List<Checkout.Step> steps = new ArrayList<>();
        SentTransaction sent = checkout.send(steps::add);
        assertInstanceOf(Checkout.Step.Sending.class, steps.get(0));
        assertEquals(new Checkout.Step.Mined(sent), steps.get(1));
        RightsOracle rights = market.rightsOracle();
        assertFalse(rights.hasAccess(buyer.evmAddress(), film), "mined is not yet counted");
        assertEquals(balance.subtract(price).subtract(sent.feePaid()), chain.rpc().balance(buyer.evmAddress()));

        chain.mineEvery(Duration.ofMillis(300));
        try {
            checkout.awaitConfirmations(sent, steps::add, Duration.ofMillis(50), Duration.ofSeconds(30));
        } finally {
            chain.mineEvery(Duration.ZERO);
        }
        List<Checkout.Step> confirming = steps.subList(2, steps.size());
        assertEquals(List.of(new Checkout.Step.Confirming(0, 2), new Checkout.Step.Confirming(1, 2),
                new Checkout.Step.Confirming(2, 2)), confirming);
        assertTrue(rights.hasAccess(buyer.evmAddress(), film), "counted once confirmed");
    }

    @Test
    void whatTheAccountCannotAffordIsRefusedWithBothAmountsBeforeSigning() {
        BigInteger price = COIN.multiply(BigInteger.valueOf(1000));
        ContentId film = listed("11111111111111111111111111111111", price);
        BigInteger balance = chain.rpc().balance(buyer.evmAddress());
        RefusedByChainException refused = assertThrows(RefusedByChainException.class,
                () -> Checkout.prepare(chain.rpc(), buyer, Checkout.purchase(market, film)));
        assertEquals(new Refusal.CannotAfford(price, balance), refused.refusal());
        Coin coin = chain.rpc().chain().coin();
        assertEquals("this costs 1000 devELA, you hold " + coin.format(balance), refused.refusal().explain(coin));
    }

    @Test
    void aPurchaseOfWhatIsNotListedOrPausedIsRefusedByName() {
        ContentId nothing = ContentId.parse("0x22222222222222222222222222222222");
        assertEquals(new Refusal.NotListed(nothing),
                assertThrows(RefusedByChainException.class, () -> Checkout.purchase(market, nothing)).refusal());
        ContentId paused = listed("33333333333333333333333333333333", COIN);
        new Transactions(chain.rpc(), seller).submit(market.setForSale(paused, false));
        assertEquals(new Refusal.NotForSale(paused),
                assertThrows(RefusedByChainException.class, () -> Checkout.purchase(market, paused)).refusal());
    }
}
