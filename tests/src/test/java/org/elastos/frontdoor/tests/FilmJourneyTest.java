package org.elastos.frontdoor.tests;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import org.elastos.frontdoor.app.DemoMarket;
import org.elastos.frontdoor.app.FrontDoorApp;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.views.player.PlayerView;
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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The film journey through the real screens (Monocle), on the demo's own market: a Hardhat node, a seller's box
 * behind a carrier relay with ffmpeg-made films, and funds for the identity the newcomer restores. Onboard; Store;
 * open a film; Play is refused until it is bought; buy, through the confirmations; Library; Play: a first frame
 * that is a picture, a seek, a pause; with the chain stopped, Play is refused in its words.
 */
@ExtendWith(ApplicationExtension.class)
class FilmJourneyTest {
    private static final String PASSWORD = "Front-door 2026";
    private static final String PHRASE = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong";

    @TempDir
    static Path dir;
    private static CarrierRelay relay;
    private static DemoMarket market;

    @BeforeAll
    static void openTheDemoMarket() throws Exception {
        relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
        market = DemoMarket.start(dir.resolve("app"), relay.address(), Path.of("target", "demo-cache"), 20,
                line -> System.out.println("demo: " + line)).orElseThrow();
        assertTrue(market.awaitStocked(Duration.ofMinutes(5)), "the demo films were not on sale within 5 minutes");
    }

    @AfterAll
    static void close() {
        if (market != null) {
            market.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Start
    void start(Stage stage) {
        AppViewModel model = new AppViewModel(new IdentityDirectory(dir.resolve("app")), new FxTaskRunner());
        FrontDoorApp.prepare(model, dir.resolve("app"), Optional.of("127.0.0.1:" + relay.address().getPort()),
                Optional.of(market::fund));
        model.start();
        stage.setScene(new AppView(model).scene());
        stage.show();
    }

    @Test
    void aNewcomerRestoresFindsAFilmBuysItAndWatchesIt(FxRobot robot) throws Exception {
        OnScreen.click(robot, "#restore-identity");
        robot.interact(() -> robot.lookup("#restore-input").queryAs(TextInputControl.class).setText(PHRASE));
        OnScreen.click(robot, "#restore-continue");
        robot.interact(() -> {
            robot.lookup("#password").queryAs(TextInputControl.class).setText(PASSWORD);
            robot.lookup("#password-again").queryAs(TextInputControl.class).setText(PASSWORD);
        });
        OnScreen.click(robot, "#create-vault");
        OnScreen.click(robot, "#finish-onboarding");

        OnScreen.click(robot, "#nav-store");
        Node card = awaitCard(robot, "Test card");
        robot.clickOn(card);
        OnScreen.click(robot, "#offer-play");
        waitForText(robot, "#player-message", "You don't own this film yet: buy it for 0.5 devELA.");
        OnScreen.click(robot, "#player-buy");

        OnScreen.await(robot, "#buy-confirm");
        assertEquals("0.5 devELA", text(robot, "#buy-price"));
        assertTrue(text(robot, "#buy-fee").endsWith(" devELA"), text(robot, "#buy-fee"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#buy-balance").equals("20 devELA"));
        OnScreen.click(robot, "#buy-confirm");
        OnScreen.await(robot, "#buy-to-library");
        assertTrue(text(robot, "#receipt-transaction").matches("0x[0-9a-f]{64}"), text(robot, "#receipt-transaction"));
        OnScreen.click(robot, "#buy-to-library");

        robot.clickOn(awaitCard(robot, "Test card"));
        OnScreen.click(robot, "#offer-play");
        PlayerView player = robot.lookup("#player").queryAs(PlayerView.class);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> player.mediaPlayer() != null
                    && player.mediaPlayer().getCurrentTime().toSeconds() > 1.5);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the film did not play; the player says: " + text(robot, "#player-message")
                    + "; its audit log: " + playerAudit(), e);
        }
        assertTrue(distinctColours(robot, player.picture()) > 20, "the first frames are a picture, not a blank");

        robot.type(KeyCode.RIGHT);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> player.mediaPlayer().getCurrentTime().toSeconds() > 11.5);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no seek: at " + player.mediaPlayer().getCurrentTime() + ", "
                    + player.mediaPlayer().getStatus() + ", focus on " + player.getScene().getFocusOwner(), e);
        }
        robot.type(KeyCode.SPACE);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> player.mediaPlayer().getStatus() == MediaPlayer.Status.PAUSED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no pause: at " + player.mediaPlayer().getCurrentTime() + ", "
                    + player.mediaPlayer().getStatus() + ", focus on " + player.getScene().getFocusOwner(), e);
        }
        assertEquals("Play", text(robot, "#player-play"));
        robot.type(KeyCode.SPACE);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> player.mediaPlayer().getStatus() == MediaPlayer.Status.PAUSED
                    && player.mediaPlayer().getCurrentTime().toSeconds() > 19);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not at the end: at " + player.mediaPlayer().getCurrentTime() + ", "
                    + player.mediaPlayer().getStatus() + ", " + text(robot, "#player-remaining"), e);
        }
        assertEquals("-0:00", text(robot, "#player-remaining"), "it stops at the film's end, not the bridge's pad");

        OnScreen.click(robot, "#player-back");
        market.chain().close();
        OnScreen.click(robot, "#offer-play");
        waitForText(robot, "#player-message", "Can't check your right: the chain is unreachable.");
    }

    /** The card once its seller's box has described it (its length shows): it is not replaced after that. */
    private static Node awaitCard(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> card(robot, title).isPresent());
        return card(robot, title).orElseThrow();
    }

    private static Optional<Node> card(FxRobot robot, String title) {
        return robot.lookup(".offer-card").queryAll().stream()
                .filter(node -> node.getAccessibleText() != null && node.getAccessibleText().startsWith(title + ", 0:"))
                .filter(node -> node.getScene() != null && node.isVisible()).findFirst();
    }

    private static String playerAudit() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path log : files.filter(f -> f.getFileName().toString().equals("player-audit.jsonl")).toList()) {
                all.append(java.nio.file.Files.readString(log));
            }
            return all.toString();
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static void waitForText(FxRobot robot, String query, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent()
                    && expected.equals(text(robot, query)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected \"" + expected + "\" in " + query + ", the screen says: "
                    + (robot.lookup(query).tryQuery().isPresent() ? text(robot, query) : "(nothing)"), e);
        }
    }

    private static long distinctColours(FxRobot robot, Node picture) {
        Set<Integer> seen = new HashSet<>();
        robot.interact(() -> {
            WritableImage image = picture.snapshot(null, null);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < image.getHeight(); y += 8) {
                for (int x = 0; x < image.getWidth(); x += 8) {
                    seen.add(pixels.getArgb(x, y));
                }
            }
        });
        return seen.size();
    }
}
