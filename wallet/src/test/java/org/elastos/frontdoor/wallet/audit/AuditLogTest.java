package org.elastos.frontdoor.wallet.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void keepsEntriesInOrderAcrossReopening() {
        Path file = dir.resolve("audit.jsonl");
        new AuditLog(file, Clock.systemUTC()).record("did:key:z6Mkdevice", "allow", "GET /list/Films");
        AuditLog reopened = new AuditLog(file, Clock.systemUTC());
        reopened.record("did:key:z6Mkdevice", "deny", "GET /list/Personal");

        List<AuditLog.Entry> entries = reopened.entries();
        assertEquals(2, entries.size());
        assertEquals(2, entries.get(1).seq());
        assertEquals("did:key:z6Mkdevice", entries.get(1).subject());
        assertEquals(Optional.empty(), reopened.firstBrokenEntry());
    }

    @Test
    void twoWritersOnOneFileKeepOneChain() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog box = new AuditLog(file, Clock.systemUTC());
        AuditLog commandLine = new AuditLog(file, Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            box.record("box", "allow", "request " + i);
            commandLine.record("box", "invite", "made " + i + " ".repeat(3000));
        }
        assertEquals(10, box.entries().size());
        assertEquals(Optional.empty(), commandLine.firstBrokenEntry());
    }

    @Test
    void findsTheFirstEditedOrDroppedLine() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        for (int i = 0; i < 4; i++) {
            log.record("device", "allow", "request " + i);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        List<String> edited = new ArrayList<>(lines);
        edited.set(2, edited.get(2).replace("allow", "deny"));
        Files.write(file, edited, StandardCharsets.UTF_8);
        assertEquals(Optional.of(3L), new AuditLog(file, Clock.systemUTC()).firstBrokenEntry());

        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(1);
        Files.write(file, dropped, StandardCharsets.UTF_8);
        assertEquals(Optional.of(2L), new AuditLog(file, Clock.systemUTC()).firstBrokenEntry());
    }
}
