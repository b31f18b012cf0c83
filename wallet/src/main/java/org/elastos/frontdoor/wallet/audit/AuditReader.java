package org.elastos.frontdoor.wallet.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a log line by line without holding it in memory, each line bounded and strictly UTF-8, and checks the chain.
 * Whatever the file holds, the answer is a verdict, never an exception.
 */
final class AuditReader {
    /** Sees each readable entry; returns false to stop. */
    interface Visitor {
        boolean visit(long line, JsonNode entry);
    }

    private AuditReader() {
    }

    /** Visits entries until the first unreadable line; returns that line's problem, if any. */
    static Optional<Unreadable> read(Path file, Visitor visitor) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 0;
            boolean tooLong = false;
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    return line.size() > 0 || tooLong ? Optional.of(new Unreadable(number + 1, AuditVerdict.Problem.TORN_TAIL))
                            : Optional.empty();
                }
                if (b != '\n') {
                    if (line.size() < AuditLog.MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                number++;
                Optional<JsonNode> entry = tooLong ? Optional.empty() : entry(line.toByteArray());
                if (entry.isEmpty()) {
                    return Optional.of(new Unreadable(number, AuditVerdict.Problem.UNREADABLE_LINE));
                }
                if (!visitor.visit(number, entry.get())) {
                    return Optional.empty();
                }
                line.reset();
            }
        } catch (NoSuchFileException empty) {
            return Optional.empty();
        } catch (IOException e) {
            throw AuditLog.unreadable(file, e);
        }
    }

    record Unreadable(long line, AuditVerdict.Problem problem) {
    }

    static AuditVerdict verify(Path file, Optional<AuditHead> anchor) {
        long[] expected = {1};
        String[] previous = {AuditLog.GENESIS};
        AuditVerdict.Broken[] broken = {null};
        Optional<Unreadable> unreadable = read(file, (line, node) -> {
            if (!(node instanceof ObjectNode entry) || node.path("seq").asLong(-1) != expected[0]) {
                broken[0] = new AuditVerdict.Broken(expected[0], line, AuditVerdict.Problem.OUT_OF_SEQUENCE);
                return false;
            }
            if (!previous[0].equals(node.path("prev").asText())) {
                broken[0] = new AuditVerdict.Broken(expected[0], line, AuditVerdict.Problem.CHAIN_BROKEN);
                return false;
            }
            ObjectNode body = entry.deepCopy();
            String hash = body.path("hash").asText();
            body.remove("hash");
            if (!hash.equals(AuditLog.hashOf(body))) {
                broken[0] = new AuditVerdict.Broken(expected[0], line, AuditVerdict.Problem.EDITED);
                return false;
            }
            if (anchor.isPresent() && anchor.get().seq() == expected[0] && !anchor.get().hash().equals(hash)) {
                broken[0] = new AuditVerdict.Broken(expected[0], line, AuditVerdict.Problem.REWRITTEN);
                return false;
            }
            previous[0] = hash;
            expected[0]++;
            return true;
        });
        if (broken[0] != null) {
            return broken[0];
        }
        if (unreadable.isPresent()) {
            return new AuditVerdict.Broken(expected[0], unreadable.get().line(), unreadable.get().problem());
        }
        long entries = expected[0] - 1;
        if (anchor.isPresent() && anchor.get().seq() > entries) {
            return new AuditVerdict.Broken(entries + 1, entries + 1, AuditVerdict.Problem.CUT_SHORT);
        }
        return new AuditVerdict.Intact(entries, new AuditHead(entries, previous[0]));
    }

    private static Optional<JsonNode> entry(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            JsonNode node = AuditLog.parseLine(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException notAnEntry) {
            return Optional.empty();
        }
    }
}
