package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.app.DataFolder;
import org.elastos.frontdoor.app.FrontDoorApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
            "A newcomer can walk through every screen without touching real identities."})
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
            FrontDoorApp.launch(folder);
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
