package org.elastos.frontdoor.wallet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.util.encoders.Hex;
import org.elastos.frontdoor.wallet.Sha256;
import org.elastos.frontdoor.wallet.envelope.CanonicalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every grant, use, denial and stop (of a capsule, a paired device, an agent), one JSON line each, chained by hash:
 * each entry's hash covers the previous hash and the entry, so editing, dropping or reordering a line breaks the
 * chain from there on. A checkpoint of its head ({@link AuditCheckpoint}) kept elsewhere also catches a log cut short
 * or rewritten from some entry on.
 *
 * <p>The log never stops its owner for good: a write that fails (a full disk) is undone, so no torn line is left; a
 * torn last line left by a crash or a power cut is moved aside, with an entry that says so, the next time the log is
 * written. Only the owner may read it (0600 where the file system has POSIX permissions).
 */
public final class AuditLog {
    public record Entry(long seq, String at, String subject, String event, String detail) {
    }

    /** A detail longer than this is cut, so no single caller can make one entry large. */
    public static final int MAX_DETAIL_CHARS = 512;
    /** Longer lines are not ours: a verifier reports them rather than reading on. */
    static final int MAX_LINE_BYTES = 16 * 1024;
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one entry chained to the last one in the file. The file is locked while the last entry is read and
     * the new one written, so several processes (a running box and `frontdoor box invite`) can share one log.
     *
     * @throws AuditUnavailableException when the entry cannot be written; nothing of it is left in the file
     */
    public synchronized void record(String subject, String event, String detail) {
        try (FileChannel channel = open(); FileLock ignored = channel.lock()) {
            AuditTail tail = AuditTail.read(channel, file);
            if (tail.torn() > 0) {
                Path aside = moveAside(channel, tail);
                tail = append(channel, tail.head(), "audit", "sealed", "a torn last line of " + tail.torn()
                        + " bytes (a crash or a full disk while it was written) was moved to " + aside.getFileName());
            }
            append(channel, tail.head(), subject, event, detail);
        } catch (AuditUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.UNWRITABLE, file, e);
        }
    }

    /**
     * Moves a torn last line aside (with an entry saying so) if there is one; a box does this as it starts.
     *
     * @return the number of torn bytes moved aside, 0 when the log ended cleanly
     */
    public synchronized long sealTornTail() {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel channel = open(); FileLock ignored = channel.lock()) {
            AuditTail tail = AuditTail.read(channel, file);
            if (tail.torn() == 0) {
                return 0;
            }
            Path aside = moveAside(channel, tail);
            append(channel, tail.head(), "audit", "sealed", "a torn last line of " + tail.torn()
                    + " bytes (a crash or a full disk while it was written) was moved to " + aside.getFileName());
            return tail.torn();
        } catch (AuditUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.UNWRITABLE, file, e);
        }
    }

    /** The newest entry's sequence number and hash (sequence 0 and the genesis hash for an empty log). */
    public synchronized AuditHead head() {
        if (!Files.exists(file)) {
            return AuditHead.EMPTY;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return AuditTail.read(channel, file).head();
        } catch (IOException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.UNWRITABLE, file, e);
        }
    }

    private FileChannel open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix && !Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException racedByAnotherWriter) {
                // Another process made it first; it is ours all the same.
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return channel;
    }

    /** Writes one entry after {@code previous}; a write that fails is cut back off, so the file ends where it did. */
    private AuditTail append(FileChannel channel, AuditHead previous, String subject, String event, String detail)
            throws IOException {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("seq", previous.seq() + 1);
        entry.put("at", clock.instant().toString());
        entry.put("subject", bounded(subject));
        entry.put("event", bounded(event));
        entry.put("detail", bounded(detail));
        entry.put("prev", previous.hash());
        String hash = hashOf(entry);
        entry.put("hash", hash);
        byte[] line = (entry + "\n").getBytes(StandardCharsets.UTF_8);
        long end = channel.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            channel.position(end);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            undo(channel, end);
            boolean full = Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace() < line.length * 4L;
            throw new AuditUnavailableException(full ? AuditUnavailableException.Reason.DISK_FULL
                    : AuditUnavailableException.Reason.UNWRITABLE, file, e);
        }
        return new AuditTail(new AuditHead(previous.seq() + 1, hash), 0);
    }

    private static void undo(FileChannel channel, long end) {
        try {
            channel.truncate(end);
            channel.force(false);
        } catch (IOException stillBroken) {
            // The torn bytes stay; the next write moves them aside.
        }
    }

    private Path moveAside(FileChannel channel, AuditTail tail) throws IOException {
        long start = channel.size() - tail.torn();
        ByteBuffer torn = ByteBuffer.allocate((int) Math.min(tail.torn(), MAX_LINE_BYTES));
        channel.read(torn, start);
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + clock.millis());
        Files.write(aside, java.util.Arrays.copyOf(torn.array(), torn.position()));
        channel.truncate(start);
        channel.force(false);
        return aside;
    }

    private static String bounded(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_DETAIL_CHARS ? value
                : value.substring(0, MAX_DETAIL_CHARS) + "... (" + (value.length() - MAX_DETAIL_CHARS) + " more characters)";
    }

    static String hashOf(ObjectNode body) {
        return Hex.toHexString(Sha256.of(CanonicalJson.of(body)));
    }

    /** Every entry, in order; an unreadable line ends the list there (verify says where and why). */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        AuditReader.read(file, (line, node) -> {
            out.add(new Entry(node.path("seq").asLong(), node.path("at").asText(), node.path("subject").asText(),
                    node.path("event").asText(), node.path("detail").asText()));
            return true;
        });
        return out;
    }

    /** Checks the whole chain: every line readable, in sequence, each hash right and chained to the one before. */
    public AuditVerdict verify() {
        return AuditReader.verify(file, Optional.empty());
    }

    /**
     * Checks the chain and that it still holds {@code anchor}, a head a device or a checkpoint saw earlier: a log cut
     * short before it, or rewritten (even with every later hash recomputed), no longer does.
     */
    public AuditVerdict verify(AuditHead anchor) {
        return AuditReader.verify(file, Optional.of(anchor));
    }

    /** The first entry whose chain is broken, if any: an edited, removed, reordered or unreadable line. */
    public Optional<Long> firstBrokenEntry() {
        return verify() instanceof AuditVerdict.Broken broken ? Optional.of(broken.seq()) : Optional.empty();
    }

    static JsonNode parseLine(String line) throws JsonProcessingException {
        return MAPPER.readTree(line);
    }

    static UncheckedIOException unreadable(Path file, IOException e) {
        return new UncheckedIOException("cannot read the audit log " + file, e);
    }
}
