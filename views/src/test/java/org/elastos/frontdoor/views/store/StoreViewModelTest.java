package org.elastos.frontdoor.views.store;

import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Store, Buy and the Library without a screen, on real parts: a Hardhat node with the market, a seller's box
 * selling ffmpeg-made films through a carrier relay, and a listing whose box is gone.
 */
class StoreViewModelTest {
    private static final BigInteger COIN = BigInteger.TEN.pow(18);
    /** Listed by someone pointing at another's item: the box describes that item, not this one. */
    private static final ContentId COPYCAT = ContentId.parse("0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0");

    @TempDir
    static Path dir;
    private static DevChain chain;
    private static CarrierRelay relay;
    private static HomeBox box;
    private static Signer buyer;
    private static Signer poor;
    private static StoreItem dusk;
    private static StoreItem dawn;
    private static ContentId gone;

    @BeforeAll
    static void openTheShop() throws Exception {
        Signer seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        poor = TestAccounts.signer(dir.resolve("poor"), TestAccounts.PARTNER);
        Map<String, EvmAddress> accounts = new LinkedHashMap<>();
        accounts.put("seller", seller.evmAddress());
        accounts.put("buyer", buyer.evmAddress());
        chain = DevChain.start(HardhatProject.locate(), accounts, COIN.multiply(BigInteger.TEN));
        EvmAddress node = chain.rpc().nodeAccounts().get(0);
        chain.rpc().sendFromNodeAccount(node, Optional.of(poor.evmAddress()), Coin.ELA.parse("1.2"), "0x");

        relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
        Path data = dir.resolve("box");
        box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(relay.address()),
                Clock.systemUTC());
        Shop shop = Shop.in(data, HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()));
        StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
        Path film = TestFilms.h264Aac(4);
        dusk = shop.addFilm(film, "Testsrc at dusk", "A moving pattern and a tone.", Optional.empty(), Optional.of(where),
                new FilmPackager(), fraction -> { });
        dawn = shop.addFilm(film, "Testsrc at dawn", "The same pattern, earlier.", Optional.empty(), Optional.of(where),
                new FilmPackager(), fraction -> { });
        Market market = Market.on(chain.rpc());
        Transactions sales = new Transactions(chain.rpc(), seller);
        sales.submit(market.list(ContentId.of(dusk.contentId()), Coin.ELA.parse("2.5"), dusk.metadataUri()));
        sales.submit(market.list(ContentId.of(dawn.contentId()), Coin.ELA.parse("1"), dawn.metadataUri()));
        dusk = shop.listed(dusk.contentId(), where);
        dawn = shop.listed(dawn.contentId(), where);
        sales.submit(market.list(COPYCAT, Coin.ELA.parse("0.5"), dawn.metadataUri()));
        gone = ContentId.parse("0x0badbadbadbadbadbadbadbadbadbad0");
        String goneBox = HostKey.loadOrCreate(dir.resolve("gone.key"), new SecureRandom()).did().value();
        sales.submit(market.list(gone, Coin.ELA.parse("3"), "elastos://" + goneBox + "/store/" + gone.hex()));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!box.isRelayed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void close() {
        for (AutoCloseable running : new AutoCloseable[] {box, relay, chain}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
    }

    private static StoreSetup setup(URI rpc) {
        return new StoreSetup(new ChainChoice("dev", Optional.of(rpc), Optional.of(chain.market()), dir),
                BigInteger.ZERO, List.of(URI.create("relay://127.0.0.1:" + relay.address().getPort())));
    }

    private static Marketplace marketplace(Signer account) {
        return new Marketplace(setup(chain.rpcUrl()), () -> account);
    }

    @Test
    void theStoreShowsEachListingWithWhatItsSellersBoxSignedAndSaysWhichBoxIsOffline() {
        try (Marketplace market = marketplace(buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            assertEquals(StoreViewModel.State.READY, store.stateProperty().get(), store.errorProperty().get());
            List<Offer> offers = store.shown();
            assertEquals(4, offers.size());
            assertEquals(gone, offers.get(0).listing().contentId(), "the newest listing comes first");
            assertEquals(Offer.Seller.OFFLINE, offers.get(0).seller(), "its box is gone, and the listing says so");
            assertEquals("Item 0badba\u2026bad0", offers.get(0).title());
            assertEquals(COPYCAT, offers.get(1).listing().contentId());
            assertEquals(Offer.Seller.UNVERIFIED, offers.get(1).seller(), "another item's description is not believed");
            assertEquals("Item c0c0c0\u2026c0c0", offers.get(1).title());
            Offer dawnOffer = offers.get(2);
            assertEquals(Offer.Seller.ONLINE, dawnOffer.seller());
            assertEquals("Testsrc at dawn", dawnOffer.title());
            assertEquals("1 devELA", store.price(dawnOffer));
            assertEquals("0:04", dawnOffer.duration());
            byte[] poster = dawnOffer.poster().orElseThrow();
            assertTrue((poster[0] & 0xff) == 0xff && (poster[1] & 0xff) == 0xd8, "the poster is the box's JPEG");
            assertEquals("Testsrc at dusk", offers.get(3).title());

            store.searchProperty().set("DUSK");
            assertEquals(List.of("Testsrc at dusk"), store.shown().stream().map(Offer::title).toList());
            store.searchProperty().set("earlier");
            assertEquals(List.of("Testsrc at dawn"), store.shown().stream().map(Offer::title).toList(), "descriptions are searched");
            store.searchProperty().set("");
            assertEquals(4, store.shown().size());
        }
    }

    @Test
    void aPurchaseIsQuotedBeforeAnythingIsSentThenCountsAndTheFilmIsInTheLibrary() {
        try (Marketplace market = marketplace(buyer)) {
            StoreViewModel library = StoreViewModel.library(TaskRunner.synchronous(), market);
            library.reload();
            assertEquals(StoreViewModel.State.READY, library.stateProperty().get(), library.errorProperty().get());
            assertEquals(List.of(), library.shown());

            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            Offer offer = store.shown().stream().filter(o -> o.title().equals("Testsrc at dusk")).findFirst().orElseThrow();
            BuyViewModel buy = new BuyViewModel(TaskRunner.synchronous(), market, offer, Duration.ofMillis(100), Duration.ofSeconds(30));
            BigInteger nonce = chain.rpc().pendingNonce(buyer.evmAddress());
            buy.prepare();
            assertEquals(BuyViewModel.Stage.QUOTED, buy.stageProperty().get(), buy.errorProperty().get());
            assertEquals("2.5 devELA", buy.priceProperty().get());
            BigInteger fee = Coin.ELA.parse(buy.feeProperty().get().replace(" devELA", ""));
            assertTrue(fee.signum() > 0, buy.feeProperty().get());
            assertEquals(Coin.ELA.parse("2.5").add(fee), Coin.ELA.parse(buy.totalProperty().get().replace(" devELA", "")));
            assertTrue(buy.balanceProperty().get().endsWith(" devELA"));
            assertEquals(nonce, chain.rpc().pendingNonce(buyer.evmAddress()), "a quote sends nothing");

            List<String> said = new ArrayList<>();
            buy.statusProperty().addListener((obs, old, now) -> said.add(now));
            chain.mineEvery(Duration.ofMillis(200));
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
    void aBuyerWhoCannotAffordItIsToldThePriceAndWhatTheyHaveAndNothingIsSent() {
        try (Marketplace market = marketplace(poor)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            Offer offer = store.shown().stream().filter(o -> o.title().equals("Testsrc at dusk")).findFirst().orElseThrow();
            BuyViewModel buy = new BuyViewModel(TaskRunner.synchronous(), market, offer, Duration.ofMillis(100), Duration.ofSeconds(5));
            buy.prepare();
            assertEquals(BuyViewModel.Stage.FAILED, buy.stageProperty().get());
            assertEquals("The price is 2.5 devELA, you have 1.2 devELA. Add funds to your account, then try again.",
                    buy.errorProperty().get());
            assertEquals(BigInteger.ZERO, chain.rpc().pendingNonce(poor.evmAddress()));
        }
    }

    @Test
    void whenTheChainDoesNotAnswerTheStoreSaysSoInWords() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Marketplace market = new Marketplace(setup(URI.create("http://127.0.0.1:" + closedPort)), () -> buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            assertEquals(StoreViewModel.State.FAILED, store.stateProperty().get());
            assertEquals("Can't reach the chain: check your connection, then try again.", store.errorProperty().get());
            assertEquals(List.of(), store.shown());
        }
        StoreSetup noDemoChain = new StoreSetup(new ChainChoice("dev", Optional.empty(), Optional.empty(), dir.resolve("empty")),
                BigInteger.ZERO, List.of());
        try (Marketplace market = new Marketplace(noDemoChain, () -> buyer)) {
            StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
            store.reload();
            assertEquals("The demo chain is not running. Start the demo again with ./frontdoor.", store.errorProperty().get());
        }
    }
}
