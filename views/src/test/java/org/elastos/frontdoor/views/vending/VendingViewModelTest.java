package org.elastos.frontdoor.views.vending;

import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxUnreachableException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.RefusedByChainException;
import org.elastos.frontdoor.market.Refusal;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.StoreSetup;
import org.elastos.frontdoor.views.vending.VendingViewModel.Row;
import org.elastos.frontdoor.views.vending.VendingViewModel.Status;
import org.elastos.frontdoor.views.vending.VendingViewModel.Step;
import org.elastos.frontdoor.wallet.EvmAddress;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vending machines screen without a screen, on real parts: the owner's device paired with a real box, a Hardhat
 * node with the market, a folder and an ffmpeg-made film turned into machines, a buyer, a pause, a resume, a new price,
 * a change of mind before listing, and a box out of reach.
 */
class VendingViewModelTest {
    @TempDir
    static Path dir;
    private static DevChain chain;
    private static HomeBox box;
    private static Signer seller;
    private static Signer buyer;
    private static String token;

    @BeforeAll
    static void pairTheOwnerWithABox() throws Exception {
        seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        Map<String, EvmAddress> accounts = new LinkedHashMap<>();
        accounts.put("seller", seller.evmAddress());
        accounts.put("buyer", buyer.evmAddress());
        chain = DevChain.start(HardhatProject.locate(), accounts, Coin.ELA.parse("10"));
        Path data = dir.resolve("box");
        box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
        Files.createDirectories(data.resolve("Photos/Summer"));
        Files.write(data.resolve("Photos/Summer/Sunset.png"), new byte[400_000]);
        Files.write(data.resolve("Photos/Summer/Waves.jpg"), new byte[200_000]);
        Files.write(data.resolve("Documents/Recipe.txt"), "bread".getBytes());
        Files.copy(TestFilms.h264Aac(2), data.resolve("Films/Evening.mp4"));
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        try (BoxClient client = BoxClient.connect(invite.endpoints().get(0), box.did(), seller.device())) {
            token = client.pair(invite, "Laptop").token().orElseThrow();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (box != null) {
            box.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    private static Marketplace marketplace(URI rpc) {
        return new Marketplace(new StoreSetup(new ChainChoice("dev", Optional.of(rpc), Optional.of(chain.market()), dir),
                BigInteger.ZERO, List.of()), () -> seller);
    }

    private static VendingViewModel vending(Marketplace market) {
        return new VendingViewModel(TaskRunner.synchronous(), market,
                () -> BoxClient.connect(box.endpoints().get(0), box.did(), seller.device()).withToken(token));
    }

    private static Row row(VendingViewModel model, String name) {
        return model.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static VendingViewModel at(Marketplace market, String folder) {
        VendingViewModel model = vending(market);
        model.reload();
        assertEquals(VendingViewModel.State.READY, model.stateProperty().get(), model.errorProperty().get());
        model.open(row(model, folder));
        assertEquals(folder, model.folderProperty().get());
        assertEquals(VendingViewModel.State.READY, model.stateProperty().get(), model.errorProperty().get());
        return model;
    }

    private static Optional<Listing> onChain(Row row) {
        return Market.on(chain.rpc()).listing(row.contentId().orElseThrow());
    }

    @Test
    void aFolderBecomesAMachineThatSellsPausesResumesAndIsRepriced() {
        try (Marketplace market = marketplace(chain.rpcUrl())) {
            VendingViewModel model = at(market, "Photos");
            Row summer = row(model, "Summer");
            assertEquals(Status.NOT_FOR_SALE, summer.status());
            assertTrue(summer.folder());

            model.turnOn(summer, "2", true);
            assertEquals(Step.QUOTED, model.stepProperty().get(), model.workErrorProperty().get());
            assertEquals(1.0, model.workProgressProperty().get(), "packaged all the way");
            assertFalse(model.workFeeProperty().get().isEmpty(), "the fee is shown");
            assertEquals("2 devELA", model.workPriceProperty().get());
            assertEquals(Status.NOT_FOR_SALE, row(model, "Summer").status(), "nothing is sent before yes");

            model.confirm();
            assertEquals(Step.DONE, model.stepProperty().get(), model.workErrorProperty().get());
            summer = row(model, "Summer");
            assertEquals(Status.FOR_SALE, summer.status());
            assertEquals("2 devELA", summer.price());
            assertFalse(summer.watch(), "a folder is sold as a copy to download, whatever was asked");
            Listing listing = onChain(summer).orElseThrow();
            assertEquals(seller.evmAddress(), listing.seller());
            assertEquals(Coin.ELA.parse("2"), listing.price());
            try (BoxClient client = BoxClient.connect(box.endpoints().get(0), box.did(), buyer.device())) {
                StoreItem item = client.verifiedItem(summer.contentId().orElseThrow().hex());
                assertEquals(seller.evmAddress(), item.listing().orElseThrow().seller().orElseThrow(),
                        "the box signed it as listed, so it licenses buyers");
                assertEquals(2, item.download().orElseThrow().entries());
            }

            buy(summer.contentId().orElseThrow());
            model.reload();
            summer = row(model, "Summer");
            assertEquals(1, summer.sold());
            assertEquals("2 devELA", summer.earned());

            model.turnOff(summer);
            assertEquals(Step.QUOTED, model.stepProperty().get(), model.workErrorProperty().get());
            assertTrue(onChain(summer).orElseThrow().forSale(), "the pause is only quoted");
            model.confirm();
            summer = row(model, "Summer");
            assertEquals(Status.PAUSED, summer.status());
            ContentId id = summer.contentId().orElseThrow();
            RefusedByChainException paused = assertThrows(RefusedByChainException.class,
                    () -> Checkout.purchase(Market.on(chain.rpc()), id));
            assertInstanceOf(Refusal.NotForSale.class, paused.refusal());
            assertTrue(Market.on(chain.rpc()).rightsOracle().hasAccess(buyer.evmAddress(), id),
                    "whoever bought keeps their access");

            model.turnOn(summer, "", false);
            model.confirm();
            summer = row(model, "Summer");
            assertEquals(Status.FOR_SALE, summer.status(), model.workErrorProperty().get());

            model.changePrice(summer, "3.5");
            assertEquals(Step.QUOTED, model.stepProperty().get(), model.workErrorProperty().get());
            model.confirm();
            assertEquals("3.5 devELA", row(model, "Summer").price());
            assertEquals(Coin.ELA.parse("3.5"), onChain(summer).orElseThrow().price());
            assertTrue(model.receiptProperty().get().endsWith("devELA"), "the fee paid is shown");
        }
    }

    private static void buy(ContentId id) {
        new Transactions(chain.rpc(), buyer).submit(Checkout.purchase(Market.on(chain.rpc()), id));
        chain.mine(chain.profile().confirmations());
    }

    @Test
    void aFilmBecomesAMachineToWatchInThePlayer() {
        try (Marketplace market = marketplace(chain.rpcUrl())) {
            VendingViewModel model = at(market, "Films");
            model.turnOn(row(model, "Evening.mp4"), "1", true);
            assertEquals(Step.QUOTED, model.stepProperty().get(), model.workErrorProperty().get());
            model.confirm();
            Row evening = row(model, "Evening.mp4");
            assertEquals(Status.FOR_SALE, evening.status(), model.workErrorProperty().get());
            assertTrue(evening.watch());
        }
    }

    @Test
    void sayingNoToTheFeeTakesTheMadeMachineBackAndListsNothing() {
        try (Marketplace market = marketplace(chain.rpcUrl())) {
            VendingViewModel model = at(market, "Documents");
            model.turnOn(row(model, "Recipe.txt"), "0.5", false);
            assertEquals(Step.QUOTED, model.stepProperty().get(), model.workErrorProperty().get());
            model.cancel();
            assertEquals(Step.NONE, model.stepProperty().get());
            assertEquals(Status.NOT_FOR_SALE, row(model, "Recipe.txt").status());
            try (BoxClient client = BoxClient.connect(box.endpoints().get(0), box.did(), seller.device()).withToken(token)) {
                assertTrue(client.machines().stream().noneMatch(m -> m.source().equals("Documents/Recipe.txt")),
                        "the box took it back");
            }
        }
    }

    @Test
    void aPriceThatIsNotOneIsRefusedBeforeTheBoxIsAsked() {
        try (Marketplace market = marketplace(chain.rpcUrl())) {
            VendingViewModel model = at(market, "Documents");
            for (String price : List.of("", "0", "-1", "two", "1,5")) {
                assertFalse(model.isPrice(price), price);
                model.turnOn(row(model, "Recipe.txt"), price, false);
                assertEquals(Step.FAILED, model.stepProperty().get(), price);
                assertEquals(Strings.get("vending.error.price"), model.workErrorProperty().get());
            }
            assertTrue(model.isPrice("0.25"));
        }
    }

    @Test
    void withTheBoxOrTheChainOutOfReachTheScreenSaysSoAndChangesNothing() throws Exception {
        try (Marketplace market = marketplace(chain.rpcUrl())) {
            VendingViewModel model = new VendingViewModel(TaskRunner.synchronous(), market, () -> {
                throw new BoxUnreachableException("no route", null);
            });
            model.reload();
            assertEquals(VendingViewModel.State.FAILED, model.stateProperty().get());
            assertEquals(Strings.get("vending.error.box-unreachable"), model.errorProperty().get());
        }
        int deadPort;
        try (ServerSocket free = new ServerSocket(0)) {
            deadPort = free.getLocalPort();
        }
        try (Marketplace market = marketplace(URI.create("http://127.0.0.1:" + deadPort))) {
            VendingViewModel model = vending(market);
            model.reload();
            assertEquals(VendingViewModel.State.FAILED, model.stateProperty().get());
            assertEquals(Strings.get("store.error.unreachable"), model.errorProperty().get());
        }
    }
}
