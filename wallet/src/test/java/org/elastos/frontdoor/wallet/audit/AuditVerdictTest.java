package org.elastos.frontdoor.wallet.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the audit log's check says of a damaged log: the first problem, at its entry and its line, whatever follows
 * it; and that the log's end is found right however long the log is.
 */
class AuditVerdictTest {
    @TempDir
    Path dir;
    private Path file;
    private AuditLog log;
    private List<String> lines;

    @BeforeEach
    void fiveEntries() throws IOException {
        file = dir.resolve("audit.jsonl");
        log = new AuditLog(file, Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            log.record("device", "allow", "request " + i);
        }
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private AuditVerdict rewrittenAs(List<String> changed) throws IOException {
        Files.write(file, changed, StandardCharsets.UTF_8);
        return new AuditLog(file, Clock.systemUTC()).verify();
    }

    private List<String> with(int index, String line) {
        List<String> changed = new ArrayList<>(lines);
        changed.set(index, line);
        return changed;
    }

    @Test
    void anEditedEntryInTheMiddleIsNamedAsEditedNotAsTheBreaksAfterIt() throws IOException {
        assertEquals(new AuditVerdict.Broken(2, 2, AuditVerdict.Problem.EDITED),
                rewrittenAs(with(1, lines.get(1).replace("request 2", "request 9"))));
    }

    @Test
    void aDroppedEntryInTheMiddleIsNamedAtItsPlace() throws IOException {
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(2);
        assertEquals(new AuditVerdict.Broken(3, 3, AuditVerdict.Problem.OUT_OF_SEQUENCE), rewrittenAs(dropped));
    }

    @Test
    void anEntryChainedToTheWrongPredecessorIsNamedAtItsPlace() throws IOException {
        String line = lines.get(2);
        int prev = line.indexOf("\"prev\":\"") + 8;
        String broken = line.substring(0, prev) + (line.charAt(prev) == 'a' ? 'b' : 'a') + line.substring(prev + 1);
        assertEquals(new AuditVerdict.Broken(3, 3, AuditVerdict.Problem.CHAIN_BROKEN), rewrittenAs(with(2, broken)));
    }

    @Test
    void aLogRewrittenBeforeItsCheckpointIsNamedAtTheCheckpointsEntry() throws IOException {
        AuditHead third = headAfter(3);
        AuditLog other = new AuditLog(dir.resolve("other.jsonl"), Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            other.record("device", "allow", i == 3 ? "forged" : "request " + i);
        }
        Files.copy(other.file(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(new AuditVerdict.Broken(3, 3, AuditVerdict.Problem.REWRITTEN), log.verify(third));
    }

    @Test
    void aCheckpointOneEntryAheadOfTheLogMeansItWasCutShort() throws IOException {
        AuditHead last = log.head();
        assertEquals(new AuditVerdict.Intact(5, last), log.verify(last), "the log is as long as its checkpoint");
        Files.write(file, lines.subList(0, 4), StandardCharsets.UTF_8);
        assertEquals(new AuditVerdict.Broken(5, 5, AuditVerdict.Problem.CUT_SHORT), log.verify(last));
    }

    @Test
    void theHeadOfALogLongerThanOneBlockIsItsLastEntryWhereverTheBlocksFall() {
        // Entries of different lengths move the last line across the 8 KiB blocks the tail is read back in.
        for (int i = 6; i <= 120; i++) {
            log.record("device", "allow", "x".repeat(i * 7 % 300));
            AuditLog.Entry newest = log.entries().get(i - 1);
            assertEquals(i, newest.seq());
            assertEquals(i, log.head().seq(), "after " + i + " entries");
        }
        AuditVerdict verdict = log.verify();
        assertEquals(new AuditVerdict.Intact(120, log.head()), verdict);
    }

    @Test
    void aTornTailIsMeasuredToTheByteAndMovedAside() throws IOException {
        Files.writeString(file, "{\"seq\":6,\"half", StandardOpenOption.APPEND);
        assertEquals(new AuditVerdict.Broken(6, 6, AuditVerdict.Problem.TORN_TAIL), log.verify());
        assertEquals(14, log.sealTornTail());
        assertEquals(0, log.sealTornTail(), "once sealed, nothing is torn");
        assertEquals(6, log.head().seq(), "the seal is an entry of its own");
        assertTrue(log.verify() instanceof AuditVerdict.Intact);
    }

    @Test
    void anAuditHeadAtSequenceZeroIsTheEmptyLogAndBelowZeroIsRefused() {
        String hash = "0".repeat(64);
        assertEquals(AuditHead.EMPTY, new AuditHead(0, hash));
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(-1, hash));
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(1, "0".repeat(63)));
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(1, null));
    }

    private AuditHead headAfter(int entries) throws IOException {
        Path copy = dir.resolve("copy.jsonl");
        Files.write(copy, lines.subList(0, entries), StandardCharsets.UTF_8);
        return new AuditLog(copy, Clock.systemUTC()).head();
    }
}
