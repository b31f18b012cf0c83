package org.elastos.frontdoor.media.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Opens a sealed item into a folder: every chunk is authenticated before a byte of it is written, the list of what it
 * holds is checked before any file is made, and everything is written beside the destination and moved there only
 * once the last chunk has opened and nothing follows it. A refused or broken item leaves nothing behind.
 */
public final class ItemUnsealer {
    /** Where an item opens and which cipher opens it: the key service's, for the item's content id. */
    @FunctionalInterface
    public interface Keys {
        /**
         * @throws SealedRefused (ANOTHER_ITEM) when the header names an item this key is not for
         */
        SealedCipher cipherFor(SealedHeader header) throws SealedRefused;
    }

    /** What was opened, and where. */
    public record Opened(SealedManifest manifest, Path path) {
    }

    private ItemUnsealer() {
    }

    /**
     * Opens the item read from {@code in} into {@code folder}, under its own name, or "name (2)" and so on when that
     * is taken; {@code progress} hears the clear bytes opened so far.
     *
     * @throws SealedRefused when the item is not one of ours, damaged, or holds an unsafe list; nothing is written
     */
    public static Opened unseal(InputStream in, Keys keys, Path folder, LongConsumer progress) throws IOException, SealedRefused {
        SealedHeader header = SealedHeader.read(in);
        Files.createDirectories(folder);
        Path staging = Files.createTempDirectory(folder, ".unsealing-");
        try (SealedCipher cipher = keys.cipherFor(header)) {
            Writer writer = new Writer(staging, progress);
            byte[] sealed = new byte[header.chunkSize() + SealedCipher.TAG_BYTES];
            for (long index = 0; index < header.chunks(); index++) {
                int length = header.clearBytesOf(index) + SealedCipher.TAG_BYTES;
                if (in.readNBytes(sealed, 0, length) < length) {
                    throw new SealedRefused(SealedRefused.Reason.TRUNCATED, header.contentIdHex() + " ends inside chunk " + index
                            + " of " + header.chunks() + "; download it again");
                }
                writer.accept(cipher.open(index, sealed, length));
            }
            if (in.read() >= 0) {
                throw new SealedRefused(SealedRefused.Reason.TRAILING_BYTES, header.contentIdHex() + " has bytes after its"
                        + " last chunk");
            }
            SealedManifest manifest = writer.finish(header.clearLength());
            Path made = staging.resolve(manifest.name());
            Path destination = freeName(folder, manifest.name());
            Files.move(made, destination, StandardCopyOption.ATOMIC_MOVE);
            return new Opened(manifest, destination);
        } finally {
            deleteTree(staging);
        }
    }

    private static Path freeName(Path folder, String name) throws FileAlreadyExistsException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; n <= 1000; n++) {
            Path candidate = folder.resolve(n == 1 ? name : stem + " (" + n + ")" + extension);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new FileAlreadyExistsException(folder.resolve(name).toString(), null, "a thousand copies are there already");
    }

    /** Takes the opened bytes in order: the list's length, the list, then each file's bytes. */
    private static final class Writer {
        private final Path staging;
        private final LongConsumer progress;
        private final ByteBuffer lengthBytes = ByteBuffer.allocate(4);
        private byte[] listed;
        private int listedFilled;
        private SealedManifest manifest;
        private int entry = -1;
        private long entryLeft;
        private OutputStream file;
        private long opened;

        Writer(Path staging, LongConsumer progress) {
            this.staging = staging;
            this.progress = progress;
        }

        void accept(byte[] clear) throws IOException, SealedRefused {
            int at = 0;
            while (at < clear.length) {
                if (lengthBytes.hasRemaining()) {
                    lengthBytes.put(clear[at++]);
                    if (!lengthBytes.hasRemaining()) {
                        int length = lengthBytes.getInt(0);
                        if (length < 2 || length > SealedManifest.MAX_BYTES) {
                            throw new SealedRefused(SealedRefused.Reason.BAD_MANIFEST, "the list of what this item holds"
                                    + " claims " + length + " bytes");
                        }
                        listed = new byte[length];
                    }
                } else if (manifest == null) {
                    int n = Math.min(clear.length - at, listed.length - listedFilled);
                    System.arraycopy(clear, at, listed, listedFilled, n);
                    listedFilled += n;
                    at += n;
                    if (listedFilled == listed.length) {
                        manifest = SealedManifest.parse(listed);
                        Path root = staging.resolve(manifest.name());
                        if (manifest.folder()) {
                            Files.createDirectory(root);
                        }
                        next();
                    }
                } else {
                    if (file == null) {
                        throw new SealedRefused(SealedRefused.Reason.BAD_MANIFEST, "this item holds more bytes than its"
                                + " list of files says");
                    }
                    int n = (int) Math.min(clear.length - at, entryLeft);
                    file.write(clear, at, n);
                    at += n;
                    entryLeft -= n;
                    if (entryLeft == 0) {
                        next();
                    }
                }
            }
            opened += clear.length;
            progress.accept(opened);
        }

        /** Closes the file just written and opens the next one with bytes, making empty ones on the way. */
        private void next() throws IOException {
            if (file != null) {
                file.close();
                file = null;
            }
            while (++entry < manifest.entries().size()) {
                SealedManifest.Entry next = manifest.entries().get(entry);
                Path path = manifest.folder() ? staging.resolve(manifest.name()).resolve(next.path()) : staging.resolve(next.path());
                Files.createDirectories(path.getParent());
                file = Files.newOutputStream(path, java.nio.file.StandardOpenOption.CREATE_NEW);
                entryLeft = next.size();
                if (entryLeft > 0) {
                    return;
                }
                file.close();
                file = null;
            }
        }

        SealedManifest finish(long clearLength) throws IOException, SealedRefused {
            if (file != null) {
                file.close();
            }
            if (manifest == null || file != null || 4L + listed.length + manifest.contentBytes() != clearLength) {
                throw new SealedRefused(SealedRefused.Reason.BAD_MANIFEST, "this item's list of files does not add up to"
                        + " the bytes it holds");
            }
            return manifest;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
