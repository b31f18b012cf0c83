package org.elastos.frontdoor.tests;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
            Files.walkFileTree(root, Set.of(), 6, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!attributes.isRegularFile() || ours.test(file) || attributes.lastModifiedTime().toMillis() < since - 1000
                            || attributes.size() > LARGEST) {
                        return FileVisitResult.CONTINUE;
                    }
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (NoSuchFileException | AccessDeniedException gone) {
                        return FileVisitResult.CONTINUE;   // replaced by an atomic write, or another user's: not ours
                    }
                    for (byte[] secret : secrets) {
                        assertTrue(indexOf(content, secret) < 0, file + " holds a content key or a clear picture after the playback");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;   // a folder we may not read, or one removed while we walked
                }
            });
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
