package org.elastos.frontdoor.tests;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.elastos.frontdoor.app.DemoMarket;
import org.elastos.frontdoor.app.DemoWorld;
import org.elastos.frontdoor.app.FrontDoorApp;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.EvmRpc;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vending machines and earnings through the real screens (Monocle), in the demo world and on its market: the owner
 * pairs the demo box from its QR picture, turns a photo folder into a machine (a copy to download) and a film into one (to watch); a
 * second identity buys the folder from the command line; the owner's chart and sales show it; the owner gives 250
 * shares (25%) to a partner from Earnings; a second sale splits 75/25 to the wei; the owner withdraws, and the
 * chain's balances match what the screen said.
 */
@ExtendWith(ApplicationExtension.class)
class VendingJourneyTest {
    private static final String PASSWORD = "Vending journey 2026!";
    private static final String BUYER_PASSWORD = "buyer password 12";
    /** Not a multiple of 1,000 wei: the contract's remainder goes to the seller, and the split is checked to the wei. */
    private static final BigInteger PRICE = Coin.ELA.parse("1.000000000000000007");

    @TempDir
    static Path dir;
    private static DemoWorld world;
    private static DemoMarket market;
    private static Path buyerVault;

    @BeforeAll
    static void openTheDemoWorldAndItsMarket() throws Exception {
        world = DemoWorld.start(dir.resolve("box"));
        market = DemoMarket.start(dir.resolve("app"), world.relay().address(), Path.of("target", "demo-cache"), 20,
                line -> System.out.println("demo: " + line)).orElseThrow();
        Files.copy(org.elastos.frontdoor.media.TestFilms.h264Aac(2), dir.resolve("box").resolve("Films").resolve("Evening.mp4"));
        PairingWorld.restoreIdentity(dir.resolve("app"), TestAccounts.SELLER, PASSWORD);
        buyerVault = dir.resolve("buyer");
        assertEquals(0, FrontDoorCli.run(TestAccounts.BUYER + "\n" + BUYER_PASSWORD + "\n", "wallet", "restore",
                "--vault", buyerVault.toString()).exit());
    }

    @AfterAll
    static void close() {
        for (AutoCloseable running : new AutoCloseable[] {market, world}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
    }

    @Start
    void start(Stage stage) {
        AppViewModel model = new AppViewModel(new IdentityDirectory(dir.resolve("app")), new FxTaskRunner());
        FrontDoorApp.prepare(model, dir.resolve("app"), Optional.of("127.0.0.1:" + world.relay().address().getPort()),
                Optional.of(market::fund));
        model.start();
        stage.setScene(new AppView(model, () -> Optional.of(world.qrPicture())).scene());
        stage.show();
    }

    @Test
    void theOwnerSellsAFolderAndAFilmSharesTheEarningsAndWithdraws(FxRobot robot) throws Exception {
        EvmRpc rpc = market.chain().rpc();
        Market onChain = Market.on(rpc);
        EvmAddress owner = address(TestAccounts.SELLER, "owner");
        EvmAddress buyer = address(TestAccounts.BUYER, "buyer-address");
        EvmAddress partner = address(TestAccounts.PARTNER, "partner");
        rpc.sendFromNodeAccount(rpc.nodeAccounts().get(0), Optional.of(buyer), Coin.ELA.parse("10"), "0x");

        OnScreen.click(robot, "#unlock-password");
        robot.write(PASSWORD);
        OnScreen.click(robot, "#unlock");
        OnScreen.await(robot, "#home-pair");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rpc.balance(owner).signum() > 0);
        OnScreen.click(robot, "#nav-pair");
        OnScreen.click(robot, "#pair-choose");
        OnScreen.click(robot, "#pair-confirm");
        OnScreen.click(robot, "#pair-open-home");

        OnScreen.click(robot, "#nav-vending");
        OnScreen.click(robot, "#vending-open-photos");
        OnScreen.click(robot, "#vending-switch-summer");
        OnScreen.click(robot, "#vending-price-summer");
        robot.write(Coin.ELA.format(PRICE).replace(" ELA", ""));
        OnScreen.click(robot, "#vending-sell-summer");
        OnScreen.await(robot, "#vending-confirm");
        assertTrue(text(robot, "#vending-work-status").contains("The fee is at most"), text(robot, "#vending-work-status"));
        assertTrue(onChain.listing(photos()).isEmpty(), "packaged, and nothing sent before Send");
        OnScreen.click(robot, "#vending-confirm");
        awaitPrefix(robot, "#vending-status-summer", "Download \u00b7 For sale at 1.000000000000000007");
        OnScreen.click(robot, "#vending-dismiss");

        OnScreen.click(robot, "#vending-up");
        OnScreen.click(robot, "#vending-open-films");
        OnScreen.click(robot, "#vending-switch-evening-mp4");
        OnScreen.click(robot, "#vending-watch-evening-mp4");
        OnScreen.click(robot, "#vending-price-evening-mp4");
        robot.write("0.5");
        OnScreen.click(robot, "#vending-sell-evening-mp4");
        OnScreen.click(robot, "#vending-confirm");
        awaitPrefix(robot, "#vending-status-evening-mp4", "Watch \u00b7 For sale at 0.5");
        ContentId photos = photos();
        assertEquals(owner, onChain.listing(photos).orElseThrow().seller());

        buy(photos);
        OnScreen.click(robot, "#nav-earnings");
        awaitPrefix(robot, "#earnings-sales .label", "20");
        assertTrue(text(robot, "#earnings-sales .label").contains("1.000000000000000007"), text(robot, "#earnings-sales .label"));
        assertTrue(robot.lookup("#earnings-chart").query() != null);
        assertEquals("1 devELA", text(robot, "#earnings-withdrawable"), "six places shown, rounded down");

        String id = photos.hex().substring(2, 10);
        clickIn(robot, "#earnings", "#earnings-give-" + id);
        clickIn(robot, "#earnings", "#earnings-give-to-" + id);
        robot.write(partner.value());
        clickIn(robot, "#earnings", "#earnings-give-shares-" + id);
        robot.write("250");
        clickIn(robot, "#earnings", "#earnings-give-quote-" + id);
        revealIn(robot, "#earnings", "#earnings-give-confirm");
        OnScreen.await(robot, "#earnings-give-confirm");
        assertEquals(0, onChain.shares(partner, photos).units(), "quoted, not sent");
        clickIn(robot, "#earnings", "#earnings-give-confirm");
        awaitPrefix(robot, "#earnings-give-status", "Given");
        assertEquals(250, onChain.shares(partner, photos).units());
        assertEquals(750, onChain.shares(owner, photos).units());

        BigInteger ownerBefore = onChain.withdrawable(owner);
        buy(photos);
        BigInteger perShare = PRICE.divide(BigInteger.valueOf(1000));
        assertEquals(perShare.multiply(BigInteger.valueOf(250)), onChain.withdrawable(partner), "25% to the partner");
        assertEquals(perShare.multiply(BigInteger.valueOf(750)).add(PRICE.mod(BigInteger.valueOf(1000))),
                onChain.withdrawable(owner).subtract(ownerBefore), "75% and the remainder to the owner, to the wei");

        OnScreen.click(robot, "#nav-home");
        OnScreen.click(robot, "#nav-earnings");
        BigInteger owed = onChain.withdrawable(owner);
        awaitPrefix(robot, "#earnings-withdrawable", "1.75");
        BigInteger balanceBefore = rpc.balance(owner);
        OnScreen.click(robot, "#earnings-withdraw");
        OnScreen.click(robot, "#earnings-withdraw-confirm");
        awaitPrefix(robot, "#earnings-withdraw-status", "Withdrew " + Coin.ELA.format(owed).replace("ELA", "devELA"));
        assertEquals(BigInteger.ZERO, onChain.withdrawable(owner));
        BigInteger grew = rpc.balance(owner).subtract(balanceBefore);
        assertTrue(grew.compareTo(owed) < 0 && grew.compareTo(owed.subtract(Coin.ELA.parse("0.01"))) > 0,
                "the balance grew by what was owed, less the fee: " + grew);
    }

    /** Scrolls {@code pane} until {@code query} is in view, then clicks it, as a person scrolling down would. */
    private static void clickIn(FxRobot robot, String pane, String query) throws TimeoutException {
        revealIn(robot, pane, query);
        OnScreen.click(robot, query);
    }

    private static void revealIn(FxRobot robot, String pane, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().isPresent())
                .get(10, TimeUnit.SECONDS));
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = robot.lookup(pane).queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node target = robot.lookup(query).query();
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = target.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(Math.max(0, Math.min(1, (y - 40) / Math.max(1, content - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The photo folder's content id, as the owner's box made it. */
    private static ContentId photos() throws Exception {
        Shop shop = Shop.in(dir.resolve("box"), HostKey.loadOrCreate(dir.resolve("box").resolve("box.key"), new SecureRandom()));
        return ContentId.of(shop.machineFor("Photos/Summer").orElseThrow().item().contentId());
    }

    /** The second identity buys from the command line, as a person at a terminal would. */
    private static void buy(ContentId item) throws Exception {
        FrontDoorCli.Run bought = FrontDoorCli.run(BUYER_PASSWORD + "\n", "market", "buy", "--vault", buyerVault.toString(),
                "--data", dir.resolve("app").toString(), "--content-id", item.hex(), "--yes");
        assertEquals(0, bought.exit(), bought.err());
    }

    private static EvmAddress address(String phrase, String folder) {
        return TestAccounts.signer(dir.resolve(folder), phrase).evmAddress();
    }

    private static void awaitPrefix(FxRobot robot, String query, String prefix) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                try {
                    return text(robot, query).startsWith(prefix);
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError(query + " never began with \"" + prefix + "\"; it says \"" + safeText(robot, query)
                    + "\"; the work line says \"" + safeText(robot, "#vending-work-status") + "\"", e);
        }
    }

    private static String safeText(FxRobot robot, String query) {
        try {
            return text(robot, query);
        } catch (RuntimeException e) {
            return "(not shown)";
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
