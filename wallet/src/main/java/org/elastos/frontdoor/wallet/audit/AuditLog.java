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
    private long seq;
    private String lastHash;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        List<JsonNode> lines = lines();
        this.seq = lines.size();
        this.lastHash = lines.isEmpty() ? GENESIS : lines.get(lines.size() - 1).path("hash").asText();
    }

    public synchronized void record(String subject, String event, String detail) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("seq", ++seq);
        entry.put("at", clock.instant().toString());
        entry.put("subject", subject);
        entry.put("event", event);
        entry.put("detail", detail);
        entry.put("prev", lastHash);
        lastHash = hashOf(entry);
        entry.put("hash", lastHash);
        append(entry.toString() + "\n");
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

    private void append(String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file, e);
        }
    }
}
