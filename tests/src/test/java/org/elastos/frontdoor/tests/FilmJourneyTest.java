package org.elastos.frontdoor.tests;

import javafx.scene.input.KeyCode;
import javafx.scene.media.MediaPlayer;
import javafx.stage.Stage;
import org.elastos.frontdoor.app.DemoMarket;
import org.elastos.frontdoor.app.FrontDoorApp;
import org.elastos.frontdoor.box.shop.SellerKeys;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The film journey through the real screens (Monocle), on the demo's own market: a Hardhat node, a seller's box
 * behind a carrier relay with ffmpeg-made films, and funds for the identity the newcomer restores. Onboard; Store;
 * open a film; Play is refused until it is bought; buy, through the confirmations; Library; Play: a first frame
 * that is a picture, a seek, a pause, the film's end; then no file in the app's folder or the temp folder holds the
 * film's key or a clear picture; with the chain stopped, Play is refused in its words.
 */
@ExtendWith(ApplicationExtension.class)
class FilmJourneyTest {
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
        long started = System.currentTimeMillis();
        FilmJourney journey = new FilmJourney(robot, dir, Duration.ofSeconds(60), screen -> { });
        PlayerView player = journey.walk();
        byte[] clearSegment = firstSegmentFromTheBridge(player.mediaPlayer().getMedia().getSource());
        byte[] picture = Arrays.copyOfRange(clearSegment, clearSegment.length / 2, clearSegment.length / 2 + 4096);

        robot.type(KeyCode.SPACE);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> player.mediaPlayer().getStatus() == MediaPlayer.Status.PAUSED
                    && player.mediaPlayer().getCurrentTime().toSeconds() > 19);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not at the end: at " + player.mediaPlayer().getCurrentTime() + ", "
                    + player.mediaPlayer().getStatus() + ", " + journey.text("#player-remaining"), e);
        }
        assertEquals("-0:00", journey.text("#player-remaining"), "it stops at the film's end, not the bridge's pad");

        OnScreen.click(robot, "#player-back");
        // The playback is over: neither its key nor a clear picture is in any file, in the app's folder or the temp folder.
        List<byte[]> secrets = new ArrayList<>(LeftBehind.spellingsOf(SellerKeys.keyOf(dir.resolve("app").resolve("seller-box"), FilmJourney.FILM)));
        secrets.add(picture);
        LeftBehind.assertNoFileHolds(List.of(dir, Path.of(System.getProperty("java.io.tmpdir"))), secrets, started, file -> false);

        market.chain().close();
        OnScreen.click(robot, "#offer-play");
        journey.waitForText("#player-message", "Can't check your right: the chain is unreachable.");
    }

    /** The first media segment the loopback bridge serves, in the clear, as the platform player gets it. */
    private static byte[] firstSegmentFromTheBridge(String playlist) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI at = URI.create(playlist);
        String text = http.send(HttpRequest.newBuilder(at).build(), HttpResponse.BodyHandlers.ofString()).body();
        String first = text.lines().filter(line -> line.endsWith(".m4s")).findFirst()
                .orElseThrow(() -> new AssertionError("the bridge's playlist names no segment:\n" + text));
        HttpResponse<byte[]> segment = http.send(HttpRequest.newBuilder(at.resolve(first)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, segment.statusCode(), first);
        return segment.body();
    }
}
