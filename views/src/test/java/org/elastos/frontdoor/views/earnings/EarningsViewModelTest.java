package org.elastos.frontdoor.views.earnings;

import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.RoyaltyShares;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.SellerWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Earnings screen without a screen, on real parts: a Hardhat node, a seller's box through a relay, purchases, a
 * gift of royalty shares, and a withdrawal whose amount and fee match the chain's balances to the wei.
 */
class EarningsViewModelTest {
    @TempDir
    static Path dir;
    private static SellerWorld world;

    @BeforeAll
    static void openTheShop() throws Exception {
        world = SellerWorld.open(dir, 4);
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
        }
    }

    private static EarningsViewModel.Machine machine(EarningsViewModel model, String name) {
        return model.machines().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void salesSharesTheChartTheCsvAndAWithdrawalAllComeFromTheChain() throws Exception {
        try (Marketplace market = world.marketplace(world.seller)) {
            EarningsViewModel earnings = new EarningsViewModel(TaskRunner.synchronous(), market, Clock.systemUTC());
            earnings.reload();
            assertEquals(EarningsViewModel.State.READY, earnings.stateProperty().get(), earnings.errorProperty().get());
            assertEquals("0 devELA", earnings.withdrawableProperty().get());
            assertEquals(List.of(), earnings.sales());
            assertEquals(7, earnings.points().size(), "a week of days, every one shown");
            assertTrue(earnings.points().stream().allMatch(point -> point.coins() == 0));
            EarningsViewModel.Machine dusk = machine(earnings, "Testsrc at dusk");
            assertEquals(0, dusk.sold());
            assertEquals("100%", dusk.yourShares());

            world.buy(world.buyer, world.dusk);
            Market onChain = Market.on(world.chain.rpc());
            ContentId duskId = ContentId.of(world.dusk.contentId());
            new Transactions(world.chain.rpc(), world.seller).submit(onChain.transferShares(world.seller.evmAddress(),
                    world.poor.evmAddress(), duskId, RoyaltyShares.parse("25%")));
            world.buy(world.buyer, world.dawn);
            world.buy(world.buyer, world.dusk);

            earnings.reload();
            assertEquals(EarningsViewModel.State.READY, earnings.stateProperty().get(), earnings.errorProperty().get());
            BigInteger owed = onChain.withdrawable(world.seller.evmAddress());
            assertEquals(Coin.ELA.parse("2.5").add(Coin.ELA.parse("1")).add(Coin.ELA.parse("1.875")), owed,
                    "all of the first sale, all of dawn's, 75% of the second dusk");
            assertEquals("5.375 devELA", earnings.withdrawableProperty().get());
            assertEquals("5.375 devELA", earnings.totalProperty().get());
            dusk = machine(earnings, "Testsrc at dusk");
            assertEquals(2, dusk.sold());
            assertEquals("4.375 devELA", dusk.earned());
            assertEquals("75%", dusk.yourShares());
            assertTrue(dusk.holders().contains(world.poor.evmAddress().value() + ": 250 shares (25%)"), dusk.holders().toString());
            assertEquals(List.of("1.875 devELA", "1 devELA", "2.5 devELA"), earnings.sales().stream().map(EarningsViewModel.Sale::credit).toList(),
                    "newest first");
            assertEquals("Testsrc at dusk", earnings.sales().get(0).item());
            assertEquals(world.buyer.evmAddress().value(), earnings.sales().get(0).buyer());
            assertEquals(5.375, earnings.points().get(6).coins(), 1e-12, "today, the last bar");

            earnings.onlyProperty().set(Optional.of(duskId));
            assertEquals(4.375, earnings.points().get(6).coins(), 1e-12);
            assertEquals(2, earnings.sales().size());
            earnings.rangeProperty().set(EarningsViewModel.Range.MONTH);
            assertEquals(30, earnings.points().size());
            earnings.rangeProperty().set(EarningsViewModel.Range.ALL);
            assertEquals(1, earnings.points().size(), "all time began today");
            earnings.onlyProperty().set(Optional.empty());

            Path csv = dir.resolve("exports").resolve("sales.csv");
            Files.createDirectories(csv.getParent());
            boolean[] saved = {false};
            earnings.exportCsv(csv, () -> saved[0] = true, why -> { });
            assertTrue(saved[0]);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(4, lines.size());
            assertTrue(lines.get(3).contains(",Testsrc at dusk," + world.buyer.evmAddress().value() + ",2.5,1.875"), lines.get(3));

            BigInteger before = world.chain.rpc().balance(world.seller.evmAddress());
            earnings.prepareWithdrawal();
            assertEquals(EarningsViewModel.Withdrawal.QUOTED, earnings.withdrawalProperty().get(), earnings.withdrawalErrorProperty().get());
            assertTrue(earnings.withdrawalFeeProperty().get().matches("0\\.\\d{1,6} devELA"), earnings.withdrawalFeeProperty().get());
            earnings.confirmWithdrawal();
            assertEquals(EarningsViewModel.Withdrawal.DONE, earnings.withdrawalProperty().get(), earnings.withdrawalErrorProperty().get());
            assertEquals("5.375 devELA", earnings.receiptProperty().get().amount());
            BigInteger fee = Coin.ELA.parse(earnings.receiptProperty().get().fee().replace(" devELA", ""));
            BigInteger after = world.chain.rpc().balance(world.seller.evmAddress());
            assertTrue(after.subtract(before).compareTo(owed) < 0 && after.subtract(before).add(fee).compareTo(owed) >= 0,
                    "the balance grew by what was owed, less the fee");
            assertEquals("0 devELA", earnings.withdrawableProperty().get(), "read again after the withdrawal");
            assertEquals("5.375 devELA", earnings.totalProperty().get(), "what was earned stays earned");

            earnings.prepareWithdrawal();
            assertEquals(EarningsViewModel.Withdrawal.FAILED, earnings.withdrawalProperty().get());
            assertTrue(earnings.withdrawalErrorProperty().get().toLowerCase().contains("withdraw"), earnings.withdrawalErrorProperty().get());

            ContentId dawnId = ContentId.of(world.dawn.contentId());
            String partner = world.poor.evmAddress().value();
            earnings.prepareGift(dawnId, partner, "1001");
            assertEquals(EarningsViewModel.Withdrawal.FAILED, earnings.givingProperty().get(), "more than there are");
            earnings.prepareGift(dawnId, "0x1234", "250");
            assertEquals(EarningsViewModel.Withdrawal.FAILED, earnings.givingProperty().get(), "not an address");
            earnings.prepareGift(dawnId, world.seller.evmAddress().value(), "250");
            assertEquals(EarningsViewModel.Withdrawal.FAILED, earnings.givingProperty().get(), "not to oneself");
            earnings.prepareGift(dawnId, partner, "250");
            assertEquals(EarningsViewModel.Withdrawal.QUOTED, earnings.givingProperty().get(), earnings.givingErrorProperty().get());
            EarningsViewModel.Gift gift = earnings.giftProperty().get();
            assertEquals(250, gift.shares().units());
            assertEquals("Testsrc at dawn", gift.machine());
            assertEquals(List.of(partner + " gets 0.25 devELA", world.seller.evmAddress().value() + " gets 0.75 devELA").stream().sorted().toList(),
                    gift.nextSale().stream().sorted().toList(), "the next sale's split, before anything is sent");
            assertEquals(0, onChain.shares(world.poor.evmAddress(), dawnId).units(), "quoted, not sent");
            earnings.confirmGift();
            assertEquals(EarningsViewModel.Withdrawal.DONE, earnings.givingProperty().get(), earnings.givingErrorProperty().get());
            assertEquals(250, onChain.shares(world.poor.evmAddress(), dawnId).units());
            assertEquals(EarningsViewModel.State.READY, earnings.stateProperty().get(), earnings.errorProperty().get());
            assertEquals("75%", earnings.machines().stream().filter(m -> m.contentId().equals(dawnId)).findFirst()
                    .orElseThrow(() -> new AssertionError(earnings.machines().toString())).yourShares(), "read again after the gift");

            BigInteger sellerBefore = onChain.withdrawable(world.seller.evmAddress());
            BigInteger partnerBefore = onChain.withdrawable(world.poor.evmAddress());
            world.buy(world.buyer, world.dawn);
            assertEquals(Coin.ELA.parse("0.75"), onChain.withdrawable(world.seller.evmAddress()).subtract(sellerBefore));
            assertEquals(Coin.ELA.parse("0.25"), onChain.withdrawable(world.poor.evmAddress()).subtract(partnerBefore));
        }
    }
}
