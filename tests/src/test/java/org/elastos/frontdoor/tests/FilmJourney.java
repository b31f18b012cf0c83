package org.elastos.frontdoor.tests;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.media.MediaPlayer;
import org.elastos.frontdoor.views.player.PlayerView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The film journey by clicking, on the demo's market, as a newcomer walks it: restore an identity, open the Store
 * and the test card, be refused Play with the price, buy it through the confirmations, find it in the Library, play
 * it (a first frame that is a picture), seek, pause. FilmJourneyTest walks it in the build (Monocle);
 * InstalledFilmJourney walks it in the app the .deb installed, on a real X screen.
 */
final class FilmJourney {
    static final String PASSWORD = "Front-door 2026";
    static final String PHRASE = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong";
    static final String FILM = "Test card";
    /** The film's card, once it tells the film's length ("Test card, 0:20 ..."). */
    private static final Pattern DESCRIBED = Pattern.compile(Pattern.quote(FILM) + ", [0-9]+:[0-9]{2}");

    private final FxRobot robot;
    private final Path data;
    private final Duration stocking;
    private final Consumer<String> shoot;

    /**
     * @param data     the app's data folder (the player's audit log is looked for there when the film does not play)
     * @param stocking how long the demo may take to put its films in the Store (a first run makes them with ffmpeg)
     * @param shoot    told the name of each screen worth a screenshot, once it shows
     */
    FilmJourney(FxRobot robot, Path data, Duration stocking, Consumer<String> shoot) {
        this.robot = robot;
        this.data = data;
        this.stocking = stocking;
        this.shoot = shoot;
    }

    /** Walks it; returns the player, paused a few seconds after the seek. */
    PlayerView walk() throws Exception {
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
        Node card = awaitCard();
        shoot.accept("store");
        robot.clickOn(card);
        OnScreen.click(robot, "#offer-play");
        waitForText("#player-message", "You don't own this film yet: buy it for 0.5 devELA.");
        shoot.accept("refused");
        OnScreen.click(robot, "#player-buy");

        OnScreen.await(robot, "#buy-confirm");
        assertEquals("0.5 devELA", text("#buy-price"));
        assertTrue(text("#buy-fee").endsWith(" devELA"), text("#buy-fee"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#buy-balance").equals("20 devELA"));
        shoot.accept("buy");
        OnScreen.click(robot, "#buy-confirm");
        OnScreen.await(robot, "#buy-to-library");
        assertTrue(text("#receipt-transaction").matches("0x[0-9a-f]{64}"), text("#receipt-transaction"));
        shoot.accept("receipt");
        OnScreen.click(robot, "#buy-to-library");

        Node owned = awaitCard();
        shoot.accept("library");
        robot.clickOn(owned);
        OnScreen.click(robot, "#offer-play");
        PlayerView player = robot.lookup("#player").queryAs(PlayerView.class);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> player.mediaPlayer() != null
                    && player.mediaPlayer().getCurrentTime().toSeconds() > 1.5);
        } catch (TimeoutException e) {
            throw new AssertionError("the film did not play; the player says: " + text("#player-message")
                    + "; its audit log: " + playerAudit(), e);
        }
        assertTrue(distinctColours(player.picture()) > 20, "the first frames are a picture, not a blank");
        shoot.accept("player");

        robot.type(KeyCode.RIGHT);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> player.mediaPlayer().getCurrentTime().toSeconds() > 11.5);
        } catch (TimeoutException e) {
            throw new AssertionError("no seek: at " + player.mediaPlayer().getCurrentTime() + ", "
                    + player.mediaPlayer().getStatus() + ", focus on " + player.getScene().getFocusOwner(), e);
        }
        robot.type(KeyCode.SPACE);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> player.mediaPlayer().getStatus() == MediaPlayer.Status.PAUSED);
        } catch (TimeoutException e) {
            throw new AssertionError("no pause: at " + player.mediaPlayer().getCurrentTime() + ", "
                    + player.mediaPlayer().getStatus() + ", focus on " + player.getScene().getFocusOwner(), e);
        }
        assertEquals("Play", text("#player-play"));
        shoot.accept("paused");
        return player;
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    void waitForText(String query, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent()
                    && expected.equals(text(query)));
        } catch (TimeoutException e) {
            throw new AssertionError("expected \"" + expected + "\" in " + query + ", the screen says: "
                    + (robot.lookup(query).tryQuery().isPresent() ? text(query) : "(nothing)"), e);
        }
    }

    /** The film's card once its seller's box has described it (its length shows). */
    private Node awaitCard() throws Exception {
        try {
            WaitForAsyncUtils.waitFor(stocking.toSeconds(), TimeUnit.SECONDS, () -> card().isPresent());
        } catch (TimeoutException e) {
            List<String> cards = robot.lookup(".offer-card").queryAll().stream().map(Node::getAccessibleText).toList();
            throw new AssertionError("the " + FILM + " card did not show within " + stocking + "; the cards: " + cards, e);
        }
        return card().orElseThrow();
    }

    private Optional<Node> card() {
        return robot.lookup(".offer-card").queryAll().stream()
                .filter(node -> node.getAccessibleText() != null && DESCRIBED.matcher(node.getAccessibleText()).lookingAt())
                .filter(node -> node.getScene() != null && node.isVisible()).findFirst();
    }

    private String playerAudit() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            StringBuilder all = new StringBuilder();
            for (Path log : files.filter(f -> f.getFileName().toString().equals("player-audit.jsonl")).toList()) {
                all.append(Files.readString(log));
            }
            return all.toString();
        }
    }

    private long distinctColours(Node picture) {
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
