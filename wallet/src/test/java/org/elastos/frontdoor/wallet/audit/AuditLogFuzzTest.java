package org.elastos.frontdoor.wallet.audit;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Whatever a log file holds (torn, edited, not UTF-8, not JSON), checking it gives a verdict, reading its head gives a
 * head or a typed refusal, and appending either works or says why: the log never crashes the box that reads it.
 */
class AuditLogFuzzTest {
    @FuzzTest
    void anyLogFileGivesAVerdictAndAppendingWorksOrSaysWhy(byte[] file) throws IOException {
        Path dir = Files.createTempDirectory("audit-fuzz");
        Path log = dir.resolve("audit.jsonl");
        try {
            Files.write(log, file);
            AuditLog audit = new AuditLog(log, Clock.systemUTC());
            AuditVerdict verdict = audit.verify();
            if (verdict == null) {
                throw new AssertionError("no verdict");
            }
            audit.entries();
            try {
                audit.head();
                audit.record("fuzz", "allow", "an entry after whatever was there");
                audit.sealTornTail();
                if (verdict instanceof AuditVerdict.Intact && !(audit.verify() instanceof AuditVerdict.Intact)) {
                    throw new AssertionError("appending to an intact log broke it: " + audit.verify());
                }
            } catch (AuditUnavailableException damaged) {
                // A damaged last entry: refused, and the file left as it was.
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path leftover : files.toList()) {
                    Files.delete(leftover);
                }
            }
            Files.delete(dir);
        }
    }
}
