package org.elastos.frontdoor.tests;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.CencEncryptor;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.media.play.FilmPlan;
import org.elastos.frontdoor.media.play.LoopbackBridge;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole player path but the screen: ffmpeg's film encrypted by our packager, its key opened by the key service
 * into a slot, the decrypt capsule decrypting through it, the loopback bridge serving the clear HLS, and JavaFX's own
 * media player (Monocle, software rendering) decoding it: a first frame that is a picture, then a seek. Afterwards no
 * file in the temp folder or the playback's folder holds the key or a clear picture.
 */
class FilmOnTheBridgeTest {
    @TempDir
    Path dir;

    @Test
    void javaFxPlaysTheFilmTheCapsuleDecryptedAndSeeksInIt() throws Exception {
        Path film = TestFilms.make("bridge-12s-video.mp4", List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
                "-t", "12", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "50", "-an"));
        Path hls = TestFilms.clearHls(film, dir.resolve("hls"));
        // From here on, whatever appears is the playback's doing: the source film and its clear HLS are the test's own.
        long started = System.currentTimeMillis();
        byte[] key = new byte[16];
        byte[] kid = new byte[16];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(kid);
        CencEncryptor encryptor = new CencEncryptor(key, kid, new SecureRandom().nextLong());
        Map<String, byte[]> seller = new HashMap<>();
        byte[] init = encryptor.init(Files.readAllBytes(hls.resolve("init.mp4")), "{}".getBytes());
        seller.put("init.mp4", init);
        List<org.elastos.frontdoor.media.Track> tracks = CencDecryptor.protectionOf(init).tracks();
        try (Stream<Path> files = Files.list(hls)) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".m4s")).toList()) {
                seller.put(segment.getFileName().toString(), encryptor.segment(Files.readAllBytes(segment), tracks));
            }
        }
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        try (PlaybackSession playback = new KeyService(Clock.systemUTC()).begin()) {
            var slot = playback.open(new License(kid, new EvmAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
                    playback.publicKey(), LicenseSeal.seal(playback.publicKey(), kid, key), Instant.now().plusSeconds(600)).sign(box),
                    box.did(), kid);
            try (DecryptCapsule capsule = DecryptCapsule.load(init, slot, new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC()), dir);
                 LoopbackBridge bridge = LoopbackBridge.open(FilmPlan.parse(Files.readAllBytes(hls.resolve("index.m3u8"))), name -> {
                     byte[] file = seller.get(name);
                     if (file == null) {
                         throw new IOException("no " + name);
                     }
                     return file;
                 }, capsule)) {
                play(bridge);
            }
        }
        byte[] clearSegment = Files.readAllBytes(hls.resolve("seg-001.m4s"));
        byte[] picture = java.util.Arrays.copyOfRange(clearSegment, clearSegment.length / 2, clearSegment.length / 2 + 4096);
        List<byte[]> secrets = new java.util.ArrayList<>(LeftBehind.spellingsOf(key));
        secrets.add(picture);
        Path ownSource = film.toAbsolutePath().normalize();
        LeftBehind.assertNoFileHolds(List.of(Path.of(System.getProperty("java.io.tmpdir")), dir), secrets, started,
                file -> file.startsWith(hls) || ownSource.equals(file.toAbsolutePath().normalize()));
    }

    private static void play(LoopbackBridge bridge) throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // Another test in this JVM started JavaFX.
        }
        AtomicReference<MediaPlayer> player = new AtomicReference<>();
        AtomicReference<MediaView> view = new AtomicReference<>();
        CountDownLatch playing = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Platform.runLater(() -> {
            MediaPlayer mediaPlayer = new MediaPlayer(new Media(bridge.playlist().toString()));
            mediaPlayer.setOnError(() -> failed.set(mediaPlayer.getError()));
            mediaPlayer.currentTimeProperty().addListener((o, before, now) -> {
                if (now.toSeconds() > 1.5) {
                    playing.countDown();
                }
            });
            MediaView mediaView = new MediaView(mediaPlayer);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(mediaView), 640, 360));
            stage.show();
            player.set(mediaPlayer);
            view.set(mediaView);
            mediaPlayer.play();
        });
        boolean reached = playing.await(60, TimeUnit.SECONDS);
        assertTrue(failed.get() == null, "JavaFX refused the bridge's film: " + failed.get());
        assertTrue(reached, "the film did not play past 1.5 s");
        assertTrue(distinctColours(view) > 20, "the first frames are a picture, not a blank");

        CountDownLatch seeked = new CountDownLatch(1);
        Platform.runLater(() -> {
            player.get().currentTimeProperty().addListener((o, before, now) -> {
                if (now.toSeconds() > 4.5) {
                    seeked.countDown();
                }
            });
            player.get().seek(Duration.seconds(4));
        });
        assertTrue(seeked.await(30, TimeUnit.SECONDS), "a seek to 4 s played on from there");
        Platform.runLater(() -> player.get().dispose());
    }

    private static long distinctColours(AtomicReference<MediaView> view) throws Exception {
        CompletableFuture<Long> colours = new CompletableFuture<>();
        Platform.runLater(() -> {
            WritableImage image = view.get().snapshot(null, null);
            PixelReader pixels = image.getPixelReader();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 8) {
                for (int x = 0; x < image.getWidth(); x += 8) {
                    seen.add(pixels.getArgb(x, y));
                }
            }
            colours.complete((long) seen.size());
        });
        return colours.get(20, TimeUnit.SECONDS);
    }
}
