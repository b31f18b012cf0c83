package org.elastos.frontdoor.tests;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.elastos.frontdoor.app.Main;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The film journey in the app the .deb installed: DebianPackageTest runs this on the installed runtime, with the
 * installed app's jars first on the class path and TestFX beside them as the hands, on a real X screen (Xvfb).
 * It starts the app as the launcher does ({@code demo --data DIR}), waits for its window, walks {@link FilmJourney}
 * and takes a screenshot of the whole screen at each step. Exits 0 when the journey held, 1 with the reason when not.
 *
 * <p>Arguments: the demo's data folder, the folder for the screenshots.
 */
public final class InstalledFilmJourney {
    private InstalledFilmJourney() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path shots = Path.of(args[1]);
        try {
            Files.createDirectories(shots);
            Thread app = new Thread(() -> Main.main(new String[] {"demo", "--data", data.toString()}), "installed-app");
            app.setDaemon(true);
            app.start();
            awaitWindow(Duration.ofMinutes(2));
            int[] step = {0};
            new FilmJourney(new FxRobot(), data, Duration.ofMinutes(8), screen -> shoot(shots, ++step[0], screen)).walk();
            System.out.println("installed film journey: done, " + step[0] + " screenshots in " + shots);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The app's window once it shows; JavaFX starts on the app's own thread, so this asks until it has started. */
    private static Stage awaitWindow(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            CompletableFuture<Optional<Stage>> showing = new CompletableFuture<>();
            try {
                Platform.runLater(() -> showing.complete(Window.getWindows().stream().filter(Window::isShowing)
                        .filter(Stage.class::isInstance).map(Stage.class::cast).findFirst()));
                Optional<Stage> stage = showing.get(5, TimeUnit.SECONDS);
                if (stage.isPresent()) {
                    return stage.get();
                }
            } catch (IllegalStateException notYetStarted) {
                // The app has not started JavaFX yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the installed app's window did not show within " + patience);
    }

    /** The whole X screen, as a person sees it, with ImageMagick's import. */
    private static void shoot(Path shots, int step, String screen) {
        try {
            Thread.sleep(700);   // let the screen settle: transitions, the first frames
            Path file = shots.resolve(String.format("%02d-%s.png", step, screen));
            Process run = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
            if (!run.waitFor(30, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new AssertionError("import could not take the screenshot " + file);
            }
        } catch (Exception e) {
            throw new AssertionError("no screenshot of " + screen, e);
        }
    }
}
