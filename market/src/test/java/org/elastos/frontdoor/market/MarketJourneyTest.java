package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journey, on a real Hardhat node with real wallets signing every transaction. */
class MarketJourneyTest {
    private static final BigInteger ONE_COIN = BigInteger.TEN.pow(18);
    private static final ContentId FILM = ContentId.parse("0x0123456789abcdef0123456789abcdef");

    @TempDir
    Path folder;

    @Test
    void sellerListsBuyerBuysSharesSplitTheSecondSaleAndBothWithdrawToTheWei() {
        Signer seller = TestAccounts.signer(folder.resolve("seller"), TestAccounts.SELLER);
        Signer buyer = TestAccounts.signer(folder.resolve("buyer"), TestAccounts.BUYER);
        Signer partner = TestAccounts.signer(folder.resolve("partner"), TestAccounts.PARTNER);
        Signer viewer = TestAccounts.signer(folder.resolve("viewer"), TestAccounts.VIEWER);
        Map<String, EvmAddress> named = new LinkedHashMap<>();
        named.put("seller", seller.evmAddress());
        named.put("buyer", buyer.evmAddress());
        named.put("partner", partner.evmAddress());
        named.put("viewer", viewer.evmAddress());

        try (DevChain chain = DevChain.start(HardhatProject.locate(), named, ONE_COIN.multiply(BigInteger.valueOf(100)))) {
            EvmRpc rpc = chain.rpc();
            Market market = Market.on(rpc);
            BigInteger price = new BigInteger("2500000000000000000").nextProbablePrime();
            assertTrue(price.isProbablePrime(64));
            assertEquals(ONE_COIN.multiply(BigInteger.valueOf(100)), rpc.balance(buyer.evmAddress()));

            new Transactions(rpc, seller).submit(market.list(FILM, price, "ipfs://film"));
            Listing listing = market.listing(FILM).orElseThrow();
            assertEquals(seller.evmAddress(), listing.seller());
            assertEquals(price, listing.price());
            assertEquals(new RoyaltyShares(1000), market.shares(seller.evmAddress(), FILM));

            RightsOracle oracle = market.rightsOracle();
            assertFalse(oracle.hasAccess(buyer.evmAddress(), FILM));
            Transactions buyerSends = new Transactions(rpc, buyer);
            PreparedTransaction purchase = buyerSends.prepare(market.buyAccess(FILM, price));
            assertTrue(purchase.maxFee().signum() > 0, "the fee is known before anything is sent");
            buyerSends.send(purchase);
            assertFalse(oracle.hasAccess(buyer.evmAddress(), FILM), "the purchase block itself is not confirmed");
            chain.mine(1);
            assertFalse(oracle.hasAccess(buyer.evmAddress(), FILM), "one confirmation is not the two the profile asks for");
            chain.mine(1);
            assertTrue(oracle.hasAccess(buyer.evmAddress(), FILM), "two confirmations");
            assertFalse(oracle.hasAccess(partner.evmAddress(), FILM));

            new Transactions(rpc, seller).submit(
                    market.transferShares(seller.evmAddress(), partner.evmAddress(), FILM, RoyaltyShares.parse("25%")));
            assertEquals(new RoyaltyShares(750), market.shares(seller.evmAddress(), FILM));
            assertEquals(new RoyaltyShares(250), market.shares(partner.evmAddress(), FILM));

            BigInteger perShare = price.divide(BigInteger.valueOf(1000));
            BigInteger remainder = price.mod(BigInteger.valueOf(1000));
            EarningsHistory beforeSecondSale = market.earnings(seller.evmAddress(), BigInteger.ZERO, 3);
            assertEquals(Map.of(seller.evmAddress(), new RoyaltyShares(750), partner.evmAddress(), new RoyaltyShares(250)),
                    beforeSecondSale.holders(FILM));
            Map<EvmAddress, BigInteger> split = beforeSecondSale.splitOfNextSale(FILM, price, seller.evmAddress());
            assertEquals(Map.of(seller.evmAddress(), perShare.multiply(BigInteger.valueOf(750)).add(remainder),
                    partner.evmAddress(), perShare.multiply(BigInteger.valueOf(250))), split, "the split shown before the sale");
            assertEquals(price, split.values().stream().reduce(BigInteger.ZERO, BigInteger::add), "to the wei");

            new Transactions(rpc, viewer).submit(market.buyAccess(FILM, price));

            BigInteger sellerOwed = price.add(perShare.multiply(BigInteger.valueOf(750))).add(remainder);
            BigInteger partnerOwed = perShare.multiply(BigInteger.valueOf(250));
            assertEquals(sellerOwed, market.withdrawable(seller.evmAddress()));
            assertEquals(partnerOwed, market.withdrawable(partner.evmAddress()));
            assertEquals(price.multiply(BigInteger.TWO), sellerOwed.add(partnerOwed), "no wei lost");

            EarningsHistory sellerHistory = market.earnings(seller.evmAddress(), BigInteger.ZERO, 3);
            EarningsHistory partnerHistory = market.earnings(partner.evmAddress(), BigInteger.ZERO, 3);
            assertEquals(sellerOwed, sellerHistory.total());
            assertEquals(Map.of(FILM, partnerOwed), partnerHistory.byAsset());
            assertEquals(LocalDate.ofInstant(Instant.ofEpochSecond(rpc.blockTimestamp(rpc.blockNumber())), ZoneOffset.UTC),
                    partnerHistory.entries().get(0).day());

            assertEquals(split, Map.of(seller.evmAddress(), sellerHistory.sales().get(1).credit(),
                    partner.evmAddress(), partnerHistory.sales().get(0).credit()), "the second sale split as it was shown");
            assertEquals(List.of(buyer.evmAddress(), viewer.evmAddress()), sellerHistory.sales().stream().map(EarningsHistory.Sale::buyer).toList());
            assertEquals(price, sellerHistory.sales().get(0).credit(), "all 1000 shares and the remainder: the whole price");
            assertEquals(1, partnerHistory.sales().size(), "the partner held no shares at the first sale");
            assertEquals(2, sellerHistory.timesSold(FILM));
            LocalDate today = partnerHistory.entries().get(0).day();
            Map<LocalDate, BigInteger> week = sellerHistory.perDay(today.minusDays(6), today, java.util.Optional.empty());
            assertEquals(7, week.size());
            assertEquals(sellerOwed, week.get(today));
            assertEquals(BigInteger.ZERO, week.get(today.minusDays(1)));
            String csv = sellerHistory.csv(id -> "Dusk, a film", ChainProfiles.DEV.coin());
            String[] lines = csv.split("\r\n");
            assertEquals(3, lines.length, csv);
            assertEquals("time,content_id,item,buyer,price,credit", lines[0]);
            assertTrue(lines[2].contains(",\"Dusk, a film\"," + viewer.evmAddress().value() + ","), lines[2]);
            assertTrue(lines[2].endsWith("," + new java.math.BigDecimal(price, 18).stripTrailingZeros().toPlainString() + ","
                    + new java.math.BigDecimal(sellerOwed.subtract(price), 18).stripTrailingZeros().toPlainString()), lines[2]);
            assertTrue(sellerHistory.csv(id -> "=HYPERLINK(\"x\")", ChainProfiles.DEV.coin()).contains(",\"'=HYPERLINK(\"\"x\"\")\","),
                    "a name is never a spreadsheet formula");

            assertWithdrawsExactly(rpc, market, seller, sellerOwed);
            assertWithdrawsExactly(rpc, market, partner, partnerOwed);
            assertEquals(BigInteger.ZERO, rpc.balance(chain.market()), "the market holds nobody's money after both withdraw");
        }
    }

    private static void assertWithdrawsExactly(EvmRpc rpc, Market market, Signer account, BigInteger owed) {
        BigInteger before = rpc.balance(account.evmAddress());
        SentTransaction withdrawal = new Transactions(rpc, account).submit(market.withdraw());
        BigInteger after = rpc.balance(account.evmAddress());
        assertEquals(before.add(owed).subtract(withdrawal.feePaid()), after);
        assertEquals(BigInteger.ZERO, market.withdrawable(account.evmAddress()));
    }
}
