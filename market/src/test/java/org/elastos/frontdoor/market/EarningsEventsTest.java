package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kept earnings events against a real Hardhat node: every read gives what a full replay gives, for the seller and a
 * partner alike; confirmed blocks are kept and not asked for again; blocks not yet confirmed are read afresh each time.
 */
class EarningsEventsTest {
    private static final ContentId PHOTOS = ContentId.parse("0x00112233445566778899aabbccddeeff");
    @TempDir
    Path folder;

    @Test
    void eachReadMatchesAFullReplayWhileOnlyConfirmedEventsAreKept() {
        Signer seller = TestAccounts.signer(folder.resolve("seller"), TestAccounts.SELLER);
        Signer buyer = TestAccounts.signer(folder.resolve("buyer"), TestAccounts.BUYER);
        EvmAddress partner = TestAccounts.signer(folder.resolve("partner"), TestAccounts.PARTNER).evmAddress();
        Map<String, EvmAddress> named = new LinkedHashMap<>();
        named.put("seller", seller.evmAddress());
        named.put("buyer", buyer.evmAddress());
        BigInteger price = Coin.ELA.parse("1.000000000000000003");
        try (DevChain chain = DevChain.start(HardhatProject.locate(), named, Coin.ELA.parse("100"))) {
            EvmRpc rpc = chain.rpc();
            Market market = Market.on(rpc);
            EarningsEvents events = new EarningsEvents(rpc, chain.market(), BigInteger.ZERO, 7);
            assertEquals(0, events.earnings(seller.evmAddress()).sales().size());

            Transactions sellerSends = new Transactions(rpc, seller);
            sellerSends.submit(market.list(PHOTOS, price, "ipfs://photos"));
            Transactions buyerSends = new Transactions(rpc, buyer);
            buyerSends.submit(market.buyAccess(PHOTOS, price));
            sellerSends.submit(market.transferShares(seller.evmAddress(), partner, PHOTOS, RoyaltyShares.parse("25%")));
            buyerSends.submit(market.buyAccess(PHOTOS, price));
            assertSame(market, events, seller.evmAddress());
            assertSame(market, events, partner);
            int keptBefore = events.kept();

            chain.mine(chain.profile().confirmations() + 1);
            EarningsHistory settled = assertSame(market, events, seller.evmAddress());
            assertEquals(2, settled.timesSold(PHOTOS));
            assertEquals(price.add(price.divide(BigInteger.valueOf(1000)).multiply(BigInteger.valueOf(750)))
                    .add(price.mod(BigInteger.valueOf(1000))), settled.total(), "all of the first sale, 75% and the rest of the second");
            assertEquals(true, events.kept() > keptBefore, "confirmed events are kept");
            int kept = events.kept();

            buyerSends.submit(market.buyAccess(PHOTOS, price));
            EarningsHistory third = assertSame(market, events, partner);
            assertEquals(3, third.timesSold(PHOTOS), "a sale in a block not yet confirmed is read, not kept");
            assertEquals(kept, events.kept());
        }
    }

    private static EarningsHistory assertSame(Market market, EarningsEvents events, EvmAddress holder) {
        EarningsHistory full = market.earnings(holder, BigInteger.ZERO, 7);
        EarningsHistory kept = events.earnings(holder);
        assertEquals(full.sales(), kept.sales());
        assertEquals(full.entries(), kept.entries());
        assertEquals(full.byAsset(), kept.byAsset());
        assertEquals(full.holders(PHOTOS), kept.holders(PHOTOS));
        return kept;
    }
}
