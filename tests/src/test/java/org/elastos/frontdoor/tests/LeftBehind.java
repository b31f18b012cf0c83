package org.elastos.frontdoor.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a playback must leave in no file: a content key, in any spelling a careless log might use, or a clear picture. */
final class LeftBehind {
    private static final long LARGEST = 64L << 20;

    private LeftBehind() {
    }

    /** The key as bytes, as hex, and in both base64 alphabets. */
    static List<byte[]> spellingsOf(byte[] key) {
        return List.of(key.clone(), HexFormat.of().formatHex(key).getBytes(),
                Base64.getEncoder().withoutPadding().encodeToString(key).getBytes(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key).getBytes());
    }

    /**
     * Fails on the first file under {@code roots} (6 folders deep), written since {@code since} (epoch millis) and of at
     * most 64 MiB, that holds one of {@code secrets}, unless {@code ours} says the test itself wrote it.
     */
    static void assertNoFileHolds(List<Path> roots, List<byte[]> secrets, long since, Predicate<Path> ours) throws IOException {
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root, 6)) {
                for (Path file : files.filter(Files::isRegularFile).filter(ours.negate()).toList()) {
                    if (Files.getLastModifiedTime(file).toMillis() < since - 1000 || Files.size(file) > LARGEST) {
                        continue;
                    }
                    byte[] content = Files.readAllBytes(file);
                    for (byte[] secret : secrets) {
                        assertTrue(indexOf(content, secret) < 0, file + " holds a content key or a clear picture after the playback");
                    }
                }
            } catch (UncheckedIOException | AccessDeniedException | java.nio.file.NoSuchFileException skipped) {
                // A file another process removed while we walked, or one we may not read: not ours.
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
