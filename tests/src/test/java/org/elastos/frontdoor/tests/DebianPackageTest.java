package org.elastos.frontdoor.tests;

import org.elastos.frontdoor.market.HardhatProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installer as a person gets it: build the .deb, install it on this machine, start the installed app on a
 * virtual screen, see its window; then walk the film journey in the installed app (InstalledFilmJourney); then
 * remove the package.
 */
class DebianPackageTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PACKAGE = "elastos-frontdoor";
    private static final Path INSTALLED = Path.of("/opt/elastos-frontdoor");
    private static final Path LAUNCHER = INSTALLED.resolve("bin/elastOS Front Door");
    /** The jars the journey's driver adds to the installed app's: TestFX and JUnit's assertions, with what they need. */
    private static final List<String> DRIVER_JARS = List.of("testfx-core-", "junit-jupiter-api-", "opentest4j-",
            "apiguardian-api-", "hamcrest-", "junit-platform-commons-");

    @TempDir
    Path data;

    @BeforeAll
    static void needsRootAndTools() {
        boolean ready = "root".equals(System.getProperty("user.name"))
                && Stream.of("dpkg", "fakeroot", "Xvfb", "xdotool", "import", "convert").allMatch(Processes::onPath)
                && Processes.onPath("apt-get");
        if (Processes.inCi()) {
            assertTrue(ready, "CI must run as root with dpkg, fakeroot, Xvfb, xdotool and ImageMagick (see .ci/run)");
        }
        assumeTrue(ready, "needs root, dpkg, fakeroot, Xvfb, xdotool and ImageMagick");
    }

    @Test
    void buildsInstallsLaunchesAndRemovesTheDebPackage() throws Exception {
        Processes.Result packaged = Processes.run(ROOT, 600, "installers/linux/package.sh", "--skip-build");
        assertEquals(0, packaged.exit(), packaged.output());
        Path deb;
        try (Stream<Path> debs = Files.list(ROOT.resolve("installers/target/deb"))) {
            deb = debs.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }

        // A run that died half-way may have left the package behind; start from none.
        Processes.run(ROOT, 120, "dpkg", "--purge", PACKAGE);
        // As a person would: apt installs the package and whatever it declares it needs.
        Processes.Result install = Processes.run(ROOT, Map.of("DEBIAN_FRONTEND", "noninteractive"), 600,
                List.of("apt-get", "install", "-y", deb.toAbsolutePath().toString()));
        assertEquals(0, install.exit(), install.output());
        Process xvfb = null;
        Process app = null;
        try {
            assertTrue(Files.isExecutable(LAUNCHER), "the package installs its launcher at " + LAUNCHER);
            String display = ":" + (70 + (int) (ProcessHandle.current().pid() % 20));
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x860x24", "-nolisten", "tcp").start();
            Thread.sleep(1500);
            assertTrue(xvfb.isAlive(), "Xvfb did not start on " + display);
            ProcessBuilder launch = new ProcessBuilder(LAUNCHER.toString(), "demo", "--data", data.toString())
                    .redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile());
            launch.environment().put("DISPLAY", display);
            app = launch.start();

            Map<String, String> env = Map.of("DISPLAY", display);
            Processes.Result window = null;
            for (int i = 0; i < 60 && (window == null || window.exit() != 0); i++) {
                Thread.sleep(1000);
                window = Processes.run(ROOT, env, 20, List.of("xdotool", "search", "--onlyvisible", "--name", "elastOS front door"));
            }
            assertEquals(0, window.exit(), "the installed app's window never appeared:\n" + Files.readString(data.resolve("app.log")));
            Thread.sleep(2000);

            Path shot = Files.createDirectories(ROOT.resolve("installers/target")).resolve("installed-app.png");
            assertEquals(0, Processes.run(ROOT, env, 30, List.of("import", "-window", "root", shot.toString())).exit());
            String mean = Processes.run(ROOT, 30, "convert", shot.toString(), "-format", "%[fx:mean]", "info:").output().trim();
            assertTrue(Double.parseDouble(mean) > 0.2, "the screenshot is dark (mean " + mean + "): no window drawn");
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);

            walkTheFilmJourneyInTheInstalledApp(display);
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor(10, TimeUnit.SECONDS);
                app.destroyForcibly();
            }
            if (xvfb != null) {
                xvfb.destroy();
            }
            Processes.Result remove = Processes.run(ROOT, Map.of("DEBIAN_FRONTEND", "noninteractive"), 300,
                    List.of("apt-get", "remove", "-y", PACKAGE));
            assertEquals(0, remove.exit(), remove.output());
        }
        assertFalse(Files.exists(LAUNCHER), "removing the package removes the app");
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * The installed app's jars on the installed runtime, driven by TestFX (the only jars added: TestFX, JUnit's
     * assertions and this module's test classes), on the demo's market: the Hardhat project is this checkout's, since
     * the package ships no chain. Screenshots of each step go to installers/target/installed-journey.
     */
    private void walkTheFilmJourneyInTheInstalledApp(String display) throws Exception {
        List<String> classPath = new ArrayList<>(List.of(INSTALLED.resolve("lib/app").toString() + "/*",
                Path.of("target", "test-classes").toAbsolutePath().toString()));
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator)) {
            if (DRIVER_JARS.stream().anyMatch(Path.of(entry).getFileName().toString()::startsWith)) {
                classPath.add(entry);
            }
        }
        Path shots = ROOT.resolve("installers/target/installed-journey");
        deleteTree(shots);   // an earlier run's screenshots must not stand in for this one's
        Path journeyData = Files.createDirectories(data.resolve("journey"));
        ProcessBuilder walk = new ProcessBuilder(INSTALLED.resolve("lib/runtime/bin/java").toString(), "-Dtestfx.robot=glass",
                "-cp", String.join(File.pathSeparator, classPath), InstalledFilmJourney.class.getName(),
                journeyData.toString(), shots.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("journey.log").toFile());
        walk.environment().put("DISPLAY", display);
        walk.environment().put(HardhatProject.ENVIRONMENT, ROOT.resolve("market/contracts").toString());
        // The demo films are made once per checkout (CI makes them afresh), not in this user's cache.
        walk.environment().put("XDG_CACHE_HOME", Files.createDirectories(Path.of("target", "installed-cache")).toAbsolutePath().toString());
        Process journey = walk.start();
        boolean ended = journey.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            journey.descendants().forEach(ProcessHandle::destroyForcibly);   // the demo's chain, ffmpeg
            journey.destroyForcibly();
        }
        String log = Files.readString(data.resolve("journey.log"));
        assertTrue(ended && journey.exitValue() == 0, "the film journey failed in the installed app:\n"
                + log.substring(Math.max(0, log.length() - 20_000)));
        for (String screen : List.of("store", "refused", "buy", "receipt", "library", "player", "paused")) {
            try (Stream<Path> taken = Files.list(shots)) {
                assertTrue(taken.anyMatch(f -> f.getFileName().toString().endsWith("-" + screen + ".png")), "no screenshot of " + screen);
            }
        }
    }
}
