package org.elastos.frontdoor.wallet.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real writer process (SIGKILL, no shutdown hooks) at random moments while it replaces a file over and
 * over; the file must always hold one whole version, never a torn mix.
 */
class AtomicFileCrashTest {
    @TempDir
    Path dir;

    /** The writer process: replaces the target with A, then B, then A... until it is killed. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[0]);
            byte[][] versions = {Files.readAllBytes(Path.of(args[1])), Files.readAllBytes(Path.of(args[2]))};
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; ; i++) {
                AtomicFile.write(target, versions[i % 2]);
            }
        }
    }

    @Test
    void creatingANewFileNeverReplacesOneThatIsThere() throws Exception {
        Path target = Files.writeString(dir.resolve("vault.json"), "first");
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> AtomicFile.createNew(target, "second".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("first", Files.readString(target));
        try (var leftovers = Files.list(dir)) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aCrashMidWriteLeavesAWholeOldOrNewFile() throws Exception {
        Random random = new Random(7);
        byte[] a = new byte[4 << 20];
        byte[] b = new byte[4 << 20];
        random.nextBytes(a);
        random.nextBytes(b);
        Path fileA = Files.write(dir.resolve("a.bin"), a);
        Path fileB = Files.write(dir.resolve("b.bin"), b);
        Path target = dir.resolve("vault.json");
        Files.write(target, a);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 8; round++) {
            Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
                    target.toString(), fileA.toString(), fileB.toString()).redirectErrorStream(true).start();
            writer.getInputStream().read();
            Thread.sleep(30 + random.nextInt(250));
            writer.destroyForcibly();
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            byte[] after = Files.readAllBytes(target);
            assertTrue(Arrays.equals(after, a) || Arrays.equals(after, b), "round " + round + ": the file is torn");
        }
    }
}
