package org.elastos.frontdoor.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * virtual screen, see its window, then remove the package.
 */
class DebianPackageTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PACKAGE = "elastos-frontdoor";
    private static final Path LAUNCHER = Path.of("/opt/elastos-frontdoor/bin/elastOS Front Door");

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
}
