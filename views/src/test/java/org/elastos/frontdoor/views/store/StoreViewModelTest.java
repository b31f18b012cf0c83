package org.elastos.frontdoor.views.store;

import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import javafx.collections.ListChangeListener;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Store, Buy and the Library without a screen, on real parts: a Hardhat node with the market, a seller's box
 * selling ffmpeg-made films through a carrier relay, and a listing whose box is gone.
 */
class StoreViewModelTest {
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

    private static Offer find(List<Offer> offers, ContentId id) {
        return offers.stream().filter(offer -> offer.listing().contentId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theStoreShowsEachListingWithWhatItsSellersBoxSignedAndSaysWhichBoxIsOfflineOrUnbelieved() {
        try (Marketplace market = world.marketplace(world.buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            assertEquals(StoreViewModel.State.READY, store.stateProperty().get(), store.errorProperty().get());
            List<Offer> offers = store.shown();
            assertEquals(List.of(SellerWorld.GONE, SellerWorld.BAD_DID, ContentId.of(world.frontRun.contentId()),
                    SellerWorld.COPYCAT, ContentId.of(world.dawn.contentId()), ContentId.of(world.dusk.contentId())),
                    offers.stream().map(offer -> offer.listing().contentId()).toList(), "newest listing first");

            Offer gone = find(offers, SellerWorld.GONE);
            assertEquals(Offer.Seller.OFFLINE, gone.seller(), "its box is gone, and the listing says so");
            assertEquals("Item 0badba\u2026bad0", gone.title());
            assertEquals(Offer.Seller.UNVERIFIED, find(offers, SellerWorld.BAD_DID).seller(), "a malformed DID is not believed");
            assertEquals(Offer.Seller.UNVERIFIED, find(offers, SellerWorld.COPYCAT).seller(), "another item's entry is not believed");
            assertEquals("Item c0c0c0\u2026c0c0", find(offers, SellerWorld.COPYCAT).title());
            Offer frontRun = find(offers, ContentId.of(world.frontRun.contentId()));
            assertEquals(Offer.Seller.UNVERIFIED, frontRun.seller(),
                    "listed by someone other than the seller its box's entry names: not believed, though the entry is genuine");

            Offer dawnOffer = find(offers, ContentId.of(world.dawn.contentId()));
            assertEquals(Offer.Seller.ONLINE, dawnOffer.seller());
            assertEquals("Testsrc at dawn", dawnOffer.title());
            assertEquals("1 devELA", store.price(dawnOffer));
            assertEquals("0:04", dawnOffer.duration());
            byte[] poster = dawnOffer.poster().orElseThrow();
            assertTrue((poster[0] & 0xff) == 0xff && (poster[1] & 0xff) == 0xd8, "the poster is the box's JPEG");
            assertEquals("Testsrc at dusk", find(offers, ContentId.of(world.dusk.contentId())).title());

            store.searchProperty().set("DUSK");
            assertEquals(List.of("Testsrc at dusk"), store.shown().stream().map(Offer::title).toList());
            store.searchProperty().set("earlier");
            assertEquals(List.of("Testsrc at dawn"), store.shown().stream().map(Offer::title).toList(), "descriptions are searched");
            store.searchProperty().set("");
            assertEquals(6, store.shown().size());
        }
    }

    @Test
    void aPurchaseIsQuotedBeforeAnythingIsSentThenCountsAndTheFilmIsInTheLibrary() {
        try (Marketplace market = world.marketplace(world.buyer)) {
            StoreViewModel library = StoreViewModel.library(TaskRunner.synchronous(), market);
            library.reload();
            assertEquals(StoreViewModel.State.READY, library.stateProperty().get(), library.errorProperty().get());
            assertEquals(List.of(), library.shown());

            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            Offer offer = store.shown().stream().filter(o -> o.title().equals("Testsrc at dusk")).findFirst().orElseThrow();
            BuyViewModel buy = new BuyViewModel(TaskRunner.synchronous(), market, offer, Duration.ofMillis(100), Duration.ofSeconds(30));
            BigInteger nonce = world.chain.rpc().pendingNonce(world.buyer.evmAddress());
            buy.prepare();
            assertEquals(BuyViewModel.Stage.QUOTED, buy.stageProperty().get(), buy.errorProperty().get());
            assertEquals("2.5 devELA", buy.priceProperty().get());
            BigInteger fee = Coin.ELA.parse(buy.feeProperty().get().replace(" devELA", ""));
            assertTrue(fee.signum() > 0, buy.feeProperty().get());
            assertEquals(Coin.ELA.parse("2.5").add(fee), Coin.ELA.parse(buy.totalProperty().get().replace(" devELA", "")));
            assertTrue(buy.feeProperty().get().matches("0\\.\\d{1,6} devELA"), "a fee of six decimals at most: " + buy.feeProperty().get());
            assertTrue(buy.balanceProperty().get().endsWith(" devELA"));
            assertEquals(nonce, world.chain.rpc().pendingNonce(world.buyer.evmAddress()), "a quote sends nothing");

            List<String> said = new ArrayList<>();
            buy.statusProperty().addListener((obs, old, now) -> said.add(now));
            world.chain.mineEvery(Duration.ofMillis(200));
            buy.confirm();
            assertEquals(BuyViewModel.Stage.DONE, buy.stageProperty().get(), buy.errorProperty().get());
            assertEquals(List.of("Sending your payment\u2026", "Paid. Waiting for the chain to confirm it\u2026",
                    "Confirmations: 0 of 2", "Confirmations: 1 of 2", "Confirmations: 2 of 2",
                    "\u201cTestsrc at dusk\u201d is yours. It is in your Library."), said);
            BuyViewModel.Receipt receipt = buy.receiptProperty().get();
            assertTrue(receipt.transaction().matches("0x[0-9a-f]{64}"), receipt.transaction());
            assertEquals("2.5 devELA", receipt.paid());

            library.reload();
            assertEquals(List.of("Testsrc at dusk"), library.shown().stream().map(Offer::title).toList());
            assertEquals(Offer.Seller.ONLINE, library.shown().get(0).seller());
        }
    }

    @Test
    void anEmptyLibrarySaysSoThenShowsEachFilmBoughtMeanwhileWithoutAClick() throws Exception {
        Signer viewer = TestAccounts.signer(dir.resolve("viewer"), TestAccounts.VIEWER);
        EvmAddress node = world.chain.rpc().nodeAccounts().get(0);
        world.chain.rpc().sendFromNodeAccount(node, Optional.of(viewer.evmAddress()), Coin.ELA.parse("4"), "0x");
        try (Marketplace market = world.marketplace(viewer)) {
            StoreViewModel library = StoreViewModel.library(TaskRunner.synchronous(), market).lookingAgainEvery(Duration.ofMillis(100));
            List<String> states = new CopyOnWriteArrayList<>();
            library.stateProperty().addListener((obs, old, now) -> states.add(now + " " + library.shown().size()));
            List<List<String>> titles = new CopyOnWriteArrayList<>();
            library.shown().addListener((ListChangeListener<Offer>) change -> titles.add(library.shown().stream()
                    .filter(offer -> offer.seller() == Offer.Seller.ONLINE).map(Offer::title).sorted().toList()));
            Thread looking = new Thread(library::reload, "library");
            looking.start();
            try {
                awaitUntil(() -> !states.isEmpty(), "the Library settled");
                world.buy(viewer, world.dawn);
                awaitUntil(() -> titles.contains(List.of("Testsrc at dawn")), "the first film bought showed: " + titles);
                world.buy(viewer, world.dusk);
                awaitUntil(() -> titles.contains(List.of("Testsrc at dawn", "Testsrc at dusk")), "the second film bought showed: " + titles);
            } finally {
                // The screen goes away: FxTaskRunner's cancel interrupts the work; here, the synchronous runner's thread.
                library.shutdown();
                looking.interrupt();
                looking.join(10_000);
            }
            assertEquals("READY 0", states.get(0), "while it kept looking, the Library said it was empty: " + states);
            assertTrue(!looking.isAlive(), "the Library stopped looking when its screen went away");
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aCardItsSellersBoxDidNotYetVouchForIsAskedAgainAndShowsOnceItDoes() throws Exception {
        // Between listing on chain and naming the seller in its entry, a box does not vouch for its own item.
        Path boxData = world.dir.resolve("box");
        Shop shop = Shop.in(boxData, HostKey.loadOrCreate(boxData.resolve("box.key"), new SecureRandom()));
        StoreItem.Listed sold = world.dawn.listing().orElseThrow();
        shop.listed(world.dawn.contentId(), new StoreItem.Listed(sold.chainId(), sold.market()));
        ContentId dawn = ContentId.of(world.dawn.contentId());
        try (Marketplace market = world.marketplace(world.buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market).lookingAgainEvery(Duration.ofMillis(500));
            List<Offer.Seller> seen = new CopyOnWriteArrayList<>();
            store.shown().addListener((ListChangeListener<Offer>) change -> store.shown().stream()
                    .filter(offer -> offer.listing().contentId().equals(dawn)).findFirst().map(Offer::seller)
                    .filter(seller -> seen.isEmpty() || seen.get(seen.size() - 1) != seller).ifPresent(seen::add));
            Thread loading = new Thread(store::reload, "store");
            loading.start();
            try {
                awaitUntil(() -> seen.contains(Offer.Seller.UNVERIFIED), "the card was shown unvouched: " + seen);
                shop.listed(world.dawn.contentId(), sold);
                awaitUntil(() -> seen.contains(Offer.Seller.ONLINE), "the card was vouched for: " + seen);
                awaitUntil(() -> store.stateProperty().get() == StoreViewModel.State.READY, "the Store settled");
            } finally {
                store.shutdown();
                loading.interrupt();
                loading.join(10_000);
            }
            assertEquals(List.of(Offer.Seller.LOOKING, Offer.Seller.UNVERIFIED, Offer.Seller.ONLINE), seen);
            assertEquals("Testsrc at dawn", find(store.shown(), dawn).title());
            assertEquals(Offer.Seller.OFFLINE, find(store.shown(), SellerWorld.GONE).seller(), "a box that stays away is left so");
        } finally {
            shop.listed(world.dawn.contentId(), sold);
        }
    }

    @Test
    void aBuyerWhoCannotAffordItIsToldThePriceAndWhatTheyHaveAndNothingIsSent() {
        try (Marketplace market = world.marketplace(world.poor)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            Offer offer = store.shown().stream().filter(o -> o.title().equals("Testsrc at dusk")).findFirst().orElseThrow();
            BuyViewModel buy = new BuyViewModel(TaskRunner.synchronous(), market, offer, Duration.ofMillis(100), Duration.ofSeconds(5));
            buy.prepare();
            assertEquals(BuyViewModel.Stage.FAILED, buy.stageProperty().get());
            assertEquals("The price is 2.5 devELA, you have 1.2 devELA. Add funds to your account, then try again.",
                    buy.errorProperty().get());
            assertEquals(BigInteger.ZERO, world.chain.rpc().pendingNonce(world.poor.evmAddress()));
        }
    }

    @Test
    void whenTheChainDoesNotAnswerTheStoreSaysSoInWords() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Marketplace market = new Marketplace(world.setup(URI.create("http://127.0.0.1:" + closedPort)), () -> world.buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            assertEquals(StoreViewModel.State.FAILED, store.stateProperty().get());
            assertEquals("Can't reach the chain: check your connection, then try again.", store.errorProperty().get());
            assertEquals(List.of(), store.shown());
        }
        StoreSetup noDemoChain = new StoreSetup(new ChainChoice("dev", Optional.empty(), Optional.empty(), dir.resolve("empty")),
                BigInteger.ZERO, List.of());
        try (Marketplace market = new Marketplace(noDemoChain, () -> world.buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            assertEquals("The demo chain is not running. Start the demo again with ./frontdoor.", store.errorProperty().get());
        }
    }
}
