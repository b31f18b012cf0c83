package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.app.DataFolder;
import org.elastos.frontdoor.app.DemoMarket;
import org.elastos.frontdoor.app.DemoWorld;
import org.elastos.frontdoor.app.FrontDoorApp;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.pair.PairView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "app", description = "Open the app on your own identities (kept in your data folder).")
final class AppCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: this platform's user data folder)")
    Path data;

    @Override
    public Integer call() throws IOException {
        Path folder = data != null ? data : DataFolder.forThisUser();
        Files.createDirectories(folder);
        FrontDoorApp.launch(folder);
        return 0;
    }

    @Command(name = "demo", description = {"Open the app on a throw-away demo world (a fresh data folder, removed on exit).",
            "Beside it, on 127.0.0.1 only: a home box with sample files and a carrier relay, so a newcomer can pair at once",
            "(Pair, Choose a picture: the box's pairing-qr.png is where the dialog opens)."})
    static final class Demo implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "keep the demo world in DIR instead of a temporary folder")
        Path data;

        @Override
        public Integer call() throws IOException {
            Path folder = data != null ? Files.createDirectories(data) : Files.createTempDirectory("frontdoor-demo-");
            if (data == null) {
                // A hook, not a finally block: the folder must go also when the app is stopped by a signal.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder), "demo-cleanup"));
            }
            try (DemoWorld world = DemoWorld.start(folder.resolve("box"))) {
                System.out.println("demo box " + world.box().name() + " (" + world.box().did().fingerprint() + ") at "
                        + String.join(", ", world.box().endpoints().stream().map(Object::toString).toList()));
                System.out.println("pair with it: Pair, Choose a picture, " + world.qrPicture());
                System.out.println(world.inviteLink());
                System.setProperty(AppView.PICTURE_FOLDER_PROPERTY, world.qrPicture().getParent().toString());
                System.setProperty(PairView.RELAY_PROPERTY, "127.0.0.1:" + world.relay().address().getPort());
                world.shortCode().ifPresent(code -> System.out.println("or type the code " + code));
                Optional<DemoMarket> market = DemoMarket.start(folder, world.relay().address(),
                        DataFolder.cacheForThisUser().resolve("demo"), line -> System.out.println("demo: " + line));
                try {
                    FrontDoorApp.launch(folder, market.map(open -> open::fund));
                } finally {
                    market.ifPresent(DemoMarket::close);
                }
            }
            return 0;
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                System.err.println("could not remove the demo folder " + root + ": " + e.getMessage());
            }
        }
    }
}
