package org.elastos.frontdoor.box;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Uploads under way. Each target is reserved by one upload at a time; the bytes stream into a hidden temporary file
 * beside it, which is published only once every byte arrived: by a hard link, which fails rather than replace, so of
 * two uploads racing to a new name one wins and the other is told; by a rename when replacing was asked. Temporary
 * files left by a box that was killed mid-upload are removed when it starts.
 */
final class Uploads {
    static final String PREFIX = ".upload-";
    static final String SUFFIX = ".part";

    /** Why an upload cannot start. */
    enum Refusal { EXISTS, BUSY, NO_ROOM }

    /** Thrown by {@link #begin}; the box answers with the matching refusal. */
    static final class Refused extends Exception {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    private final Set<Path> reserved = ConcurrentHashMap.newKeySet();
    private final long diskReserve;

    Uploads(long diskReserve) {
        this.diskReserve = diskReserve;
    }

    /** Removes every upload's temporary file under the folders: no upload survives the box that was receiving it. */
    static int removeStale(Path root, List<String> folders) throws IOException {
        int removed = 0;
        for (String folder : folders) {
            Path top = root.resolve(folder);
            if (!Files.isDirectory(top)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(top)) {
                for (Path file : files.filter(Uploads::isTemporary).toList()) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /**
     * Reserves {@code target} and opens its temporary file.
     *
     * @throws Refused when the file exists (and replacing was not asked), another upload holds it, or the disk would
     *     have less than the box's reserve left
     */
    Sink begin(Path target, boolean replace, long length) throws Refused, IOException {
        if (Files.exists(target) && !replace) {
            throw new Refused(Refusal.EXISTS);
        }
        Path folder = target.getParent();
        if (Files.getFileStore(folder).getUsableSpace() - length < diskReserve) {
            throw new Refused(Refusal.NO_ROOM);
        }
        if (!reserved.add(target)) {
            throw new Refused(Refusal.BUSY);
        }
        try {
            Path partial = Files.createTempFile(folder, PREFIX, SUFFIX);
            return new Sink(target, partial, replace, length);
        } catch (IOException | RuntimeException e) {
            reserved.remove(target);
            throw e;
        }
    }

    /** One upload's bytes on their way to disk. */
    final class Sink {
        private final Path target;
        private final Path partial;
        private final boolean replace;
        private final long length;
        private final FileChannel channel;
        private long written;
        private boolean done;

        private Sink(Path target, Path partial, boolean replace, long length) throws IOException {
            this.target = target;
            this.partial = partial;
            this.replace = replace;
            this.length = length;
            this.channel = FileChannel.open(partial, StandardOpenOption.WRITE);
        }

        long length() {
            return length;
        }

        long written() {
            return written;
        }

        void write(ByteBuffer bytes) throws IOException {
            if (written + bytes.remaining() > length) {
                throw new IOException("the upload sent more than the " + length + " bytes it announced");
            }
            while (bytes.hasRemaining()) {
                written += channel.write(bytes);
            }
        }

        /**
         * Publishes the file once every byte arrived.
         *
         * @throws Refused when a file of that name appeared meanwhile (and replacing was not asked)
         */
        void finish() throws IOException, Refused {
            try {
                if (written != length) {
                    throw new IOException("the upload stopped after " + written + " of " + length + " bytes");
                }
                channel.force(true);
                channel.close();
                if (replace) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    try {
                        Files.createLink(target, partial);
                    } catch (FileAlreadyExistsException e) {
                        throw new Refused(Refusal.EXISTS);
                    }
                }
            } finally {
                abort();
            }
        }

        /** Drops what arrived; nothing is left behind. */
        void abort() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // The next start removes it.
            } finally {
                reserved.remove(target);
            }
        }
    }
}
