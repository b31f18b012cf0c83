package org.elastos.frontdoor.wallet.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (tmpfs of a few MiB) mounted for one test, so "the disk is full" happens for real. Needs
 * root, as in CI; elsewhere the test is skipped, saying why.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static SmallDisk mount(Path under, int mebibytes) throws IOException, InterruptedException {
        Path point = Files.createDirectories(under.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", point.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "mounting a small tmpfs needs root (CI runs as root): "
                + new String(mount.getInputStream().readAllBytes()).strip());
        return new SmallDisk(point);
    }

    public Path root() {
        return mountPoint;
    }

    /** Fills the disk to the last byte with one file, which {@link #free} removes again. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(mountPoint.resolve(".filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // Full, as wanted.
        }
        try (var out = Files.newOutputStream(mountPoint.resolve(".filler-tail"))) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // Not a byte left.
        }
    }

    public void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve(".filler"));
        Files.deleteIfExists(mountPoint.resolve(".filler-tail"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", mountPoint.toString()).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
