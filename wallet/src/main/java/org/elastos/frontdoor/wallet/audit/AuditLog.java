package org.elastos.frontdoor.wallet.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every grant, use, denial and stop (of a capsule, a paired device, an agent), one JSON line each, chained by hash: each entry's hash covers the previous
 * hash and the entry, so editing, dropping or reordering a line breaks the chain from there on.
 */
public final class AuditLog {
    public record Entry(long seq, String at, String subject, String event, String detail) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GENESIS = "0".repeat(64);

    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * Appends one entry chained to the last one in the file. The file is locked while the last entry is read and
     * the new one written, so several processes (a running box and `frontdoor box invite`) can share one log.
     */
    public synchronized void record(String subject, String event, String detail) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Optional<JsonNode> last = lastEntry(channel);
                ObjectNode entry = MAPPER.createObjectNode();
                entry.put("seq", last.map(n -> n.path("seq").asLong()).orElse(0L) + 1);
                entry.put("at", clock.instant().toString());
                entry.put("subject", subject);
                entry.put("event", event);
                entry.put("detail", detail);
                entry.put("prev", last.map(n -> n.path("hash").asText()).orElse(GENESIS));
                entry.put("hash", hashOf(entry));
                channel.position(channel.size());
                ByteBuffer line = ByteBuffer.wrap((entry + "\n").getBytes(StandardCharsets.UTF_8));
                while (line.hasRemaining()) {
                    channel.write(line);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file, e);
        }
    }

    /** The last line of the file, read backwards from its end so a long log costs no more than a short one. */
    private Optional<JsonNode> lastEntry(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return Optional.empty();
        }
        long start = size;
        byte[] tail = new byte[0];
        while (start > 0) {
            int length = (int) Math.min(4096, start);
            start -= length;
            ByteBuffer block = ByteBuffer.allocate(length + tail.length);
            channel.read(block.limit(length), start);
            block.limit(length + tail.length).put(tail);
            tail = block.array();
            String text = new String(tail, StandardCharsets.UTF_8).stripTrailing();
            int newline = text.lastIndexOf('\n');
            if (newline >= 0 || start == 0) {
                String line = text.substring(newline + 1);
                if (line.isBlank()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(MAPPER.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the last line of the audit log " + file
                            + " is not JSON: it was damaged or edited; nothing more is written to it", e);
                }
            }
        }
        return Optional.empty();
    }

    public List<Entry> entries() {
        return lines().stream().map(n -> new Entry(n.path("seq").asLong(), n.path("at").asText(), n.path("subject").asText(),
                n.path("event").asText(), n.path("detail").asText())).toList();
    }

    /** The first entry whose chain is broken, if any: an edited, removed or reordered line. */
    public Optional<Long> firstBrokenEntry() {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (JsonNode line : lines()) {
            ObjectNode body = ((ObjectNode) line).deepCopy();
            String hash = body.path("hash").asText();
            body.remove("hash");
            if (line.path("seq").asLong() != expectedSeq || !previous.equals(line.path("prev").asText()) || !hash.equals(hashOf(body))) {
                return Optional.of(expectedSeq);
            }
            previous = hash;
            expectedSeq++;
        }
        return Optional.empty();
    }

    private static String hashOf(ObjectNode body) {
        return Hex.toHexString(Sha256.of(CanonicalJson.of(body)));
    }

    private List<JsonNode> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(MAPPER.readTree(line));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit log " + file + " has a line that is not JSON: it was damaged or edited", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
        return out;
    }
}
