package org.elastos.frontdoor.installers.icon;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The .icns and .ico made at build time from the one source picture, read back: by our own reading of their
 * headers, by the tools' own readers (icns2png, ImageMagick's identify), and pixel by pixel against the source.
 */
class PlatformIconsTest {
    private static final Path ICON_DIR = Path.of("icon").toAbsolutePath();
    private static final Path SOURCE = ICON_DIR.resolve("elastos-frontdoor.png");

    @TempDir
    static Path out;

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    @BeforeAll
    static void makeIcons() throws Exception {
        boolean ready = onPath("png2icns") && onPath("icns2png") && onPath("convert") && onPath("compare");
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(ready, "CI needs icnsutils and ImageMagick (see .ci/run)");
        }
        assumeTrue(ready, "needs icnsutils and ImageMagick");
        Run made = run(ICON_DIR.resolve("make-platform-icons.sh").toString(), out.toString());
        assertEquals(0, made.exit(), made.output());
    }

    /** Root-mean-square difference of two pictures, 0 (same) to 1, alpha included. */
    private static double difference(Path a, Path b) throws Exception {
        Run compare = run("compare", "-metric", "RMSE", a.toString(), b.toString(), "null:");
        String normalized = compare.output().replaceAll(".*\\(([0-9.e-]+)\\).*", "$1").trim();
        return Double.parseDouble(normalized);
    }

    private Path sourceAt(int size) throws Exception {
        Path resized = out.resolve("source-" + size + ".png");
        assertEquals(0, run("convert", SOURCE.toString(), "-resize", size + "x" + size, "PNG32:" + resized).exit());
        return resized;
    }

    @Test
    void theIcnsHoldsEverySizeFrom16To512AndLooksLikeTheSource() throws Exception {
        Path icns = out.resolve("elastos-frontdoor.icns");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(icns));
        byte[] magic = new byte[4];
        bytes.get(magic);
        assertEquals("icns", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(Files.size(icns), Integer.toUnsignedLong(bytes.getInt()), "the header's length is the file's");
        List<String> types = new ArrayList<>();
        while (bytes.remaining() >= 8) {
            byte[] type = new byte[4];
            bytes.get(type);
            int length = bytes.getInt();
            types.add(new String(type, StandardCharsets.US_ASCII));
            bytes.position(bytes.position() + length - 8);
        }
        assertEquals(0, bytes.remaining(), "the elements fill the file exactly");
        assertTrue(types.containsAll(List.of("is32", "il32", "ih32", "it32", "ic08", "ic09")), "16 to 512 pixels: " + types);

        Path extracted = Files.createDirectories(out.resolve("icns"));
        Run extract = run("icns2png", "-x", "-o", extracted.toString(), icns.toString());
        assertEquals(0, extract.exit(), extract.output());
        for (int size : new int[] {16, 32, 48, 128, 256, 512}) {
            Path picture = extracted.resolve("elastos-frontdoor_" + size + "x" + size + "x32.png");
            assertTrue(Files.exists(picture), "icns2png reads back the " + size + "-pixel icon: " + extract.output());
            double diff = difference(picture, sourceAt(size));
            assertTrue(diff < 0.02, "the " + size + "-pixel icon differs from the source by " + diff);
        }
    }

    @Test
    void theIcoHoldsSixSizesUpTo256AndLooksLikeTheSource() throws Exception {
        Path ico = out.resolve("elastos-frontdoor.ico");
        byte[] header = Arrays.copyOf(Files.readAllBytes(ico), 6);
        ByteBuffer little = ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, little.getShort(), "reserved");
        assertEquals(1, little.getShort(), "type 1 is an icon");
        assertEquals(6, little.getShort(), "six pictures");

        Run identify = run("identify", "-format", "%w ", ico.toString());
        assertEquals(0, identify.exit(), identify.output());
        assertEquals(List.of("256", "128", "64", "48", "32", "16"), List.of(identify.output().trim().split(" ")));
        Path largest = out.resolve("ico-256.png");
        assertEquals(0, run("convert", ico + "[0]", "PNG32:" + largest).exit());
        double diff = difference(largest, sourceAt(256));
        assertTrue(diff < 0.02, "the 256-pixel icon differs from the source by " + diff);
    }
}
