package org.elastos.frontdoor.media.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Seals a file or a folder for sale (ADR 0016): a header, then chunks of AES-128-GCM holding the list of what the item
 * holds and each file's bytes in turn. Links are not followed and are left out, as are files the box's owner cannot
 * see in the box (names starting with a dot).
 */
public final class ItemSealer {
    public static final int CHUNK = 1 << 20;

    private ItemSealer() {
    }

    /** A sealing: its header, and the list of what it holds as it was read. */
    public record Sealed(SealedHeader header, SealedManifest manifest) {
    }

    /** What sealing {@code source} would hold, without reading a byte of it. */
    public static SealedManifest manifestOf(Path source) throws IOException {
        String name = source.getFileName().toString();
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            return new SealedManifest(false, name, List.of(new SealedManifest.Entry(name, Files.size(source))));
        }
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(source.getFileName() + " is neither a file nor a folder");
        }
        List<SealedManifest.Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String path = source.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (path.startsWith(".") || path.contains("/.")) {
                    continue;
                }
                entries.add(new SealedManifest.Entry(path, Files.size(file)));
            }
        }
        return new SealedManifest(true, name, entries);
    }

    /** Seals {@code source} under {@code contentKey} into {@code out}, in chunks of {@value #CHUNK} bytes. */
    public static Sealed seal(byte[] contentKey, byte[] contentId, Path source, OutputStream out, LongConsumer progress)
            throws IOException {
        return seal(contentKey, contentId, source, out, progress, CHUNK);
    }

    /**
     * Seals {@code source}; {@code progress} hears the clear bytes sealed so far.
     *
     * @throws IOException when a file cannot be read, or changed size while it was sealed
     */
    static Sealed seal(byte[] contentKey, byte[] contentId, Path source, OutputStream out, LongConsumer progress,
                       int chunkSize) throws IOException {
        SealedManifest manifest = manifestOf(source);
        byte[] listed = manifest.toBytes();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        SealedHeader header = new SealedHeader(contentId, salt, chunkSize, 4L + listed.length + manifest.contentBytes());
        out.write(header.toBytes());
        try (SealedCipher cipher = SealedCipher.of(contentKey, header)) {
            Chunker chunks = new Chunker(cipher, out, progress);
            chunks.write(ByteBuffer.allocate(4).putInt(listed.length).array(), 4);
            chunks.write(listed, listed.length);
            byte[] buffer = new byte[64 * 1024];
            for (SealedManifest.Entry entry : manifest.entries()) {
                Path file = manifest.folder() ? source.resolve(entry.path()) : source;
                long left = entry.size();
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    while (left > 0) {
                        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (read < 0) {
                            throw new IOException(entry.path() + " grew shorter while it was sealed; try again");
                        }
                        chunks.write(buffer, read);
                        left -= read;
                    }
                    if (in.read() >= 0) {
                        throw new IOException(entry.path() + " grew longer while it was sealed; try again");
                    }
                }
            }
            chunks.finish();
        }
        return new Sealed(header, manifest);
    }

    /** Gathers clear bytes into chunks and seals each as it fills. */
    private static final class Chunker {
        private final SealedCipher cipher;
        private final OutputStream out;
        private final LongConsumer progress;
        private final byte[] chunk;
        private int filled;
        private long index;
        private long done;

        Chunker(SealedCipher cipher, OutputStream out, LongConsumer progress) {
            this.cipher = cipher;
            this.out = out;
            this.progress = progress;
            this.chunk = new byte[cipher.header().chunkSize()];
        }

        void write(byte[] bytes, int length) throws IOException {
            int at = 0;
            while (at < length) {
                if (filled == chunk.length) {
                    flush();
                }
                int n = Math.min(length - at, chunk.length - filled);
                System.arraycopy(bytes, at, chunk, filled, n);
                filled += n;
                at += n;
            }
        }

        private void flush() throws IOException {
            out.write(cipher.seal(index++, chunk, filled));
            done += filled;
            filled = 0;
            progress.accept(done);
        }

        void finish() throws IOException {
            flush();
        }
    }
}
