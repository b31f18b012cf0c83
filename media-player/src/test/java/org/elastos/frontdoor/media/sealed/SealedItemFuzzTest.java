package org.elastos.frontdoor.media.sealed;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Whatever bytes arrive as a sealed item (from a seller's box, a stranger, a damaged download) open into what the
 * seller sealed or are refused with a {@link SealedRefused}, leaving nothing behind: never a crash, never a file
 * outside the folder asked for. The seeds are sealed under the fuzz key, so the fuzzer starts from items that open.
 */
class SealedItemFuzzTest {
    static final byte[] KEY = "fuzz key 16 byte".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @FuzzTest
    void opensAnyBytesAsWhatWasSealedOrRefusesThemLeavingNothing(byte[] input) throws IOException {
        Path root = Files.createTempDirectory("sealed-fuzz");
        Path out = root.resolve("out");
        try {
            ItemUnsealer.Opened opened = ItemUnsealer.unseal(new ByteArrayInputStream(input),
                    header -> SealedCipher.of(KEY, header), out, done -> { });
            if (!opened.path().getParent().equals(out)) {
                throw new AssertionError("opened outside the folder asked for: " + opened.path());
            }
        } catch (SealedRefused refused) {
            if (Files.exists(out) && count(out) != 1) {
                throw new AssertionError("a refused item left " + (count(out) - 1) + " files behind");
            }
        } finally {
            deleteTree(root);
        }
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.count();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
