package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The box's audit trail on its own: a device's decisions each get an entry; a stranger's are counted and written
 * as one summary per kind, however many there were, and a summary the log cannot take yet is kept for later.
 */
class AuditTrailTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Peer peer(String name, boolean device) {
        return new Peer(HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom()).did(), device, "127.0.0.1");
    }

    private static List<String> lines(AuditLog log) {
        return log.entries().stream().map(e -> e.subject() + " " + e.event() + " " + e.detail()).toList();
    }

    @Test
    void aDevicesDecisionIsWrittenAtOnceWithItsDetail() {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        AuditTrail trail = new AuditTrail(log, Clock.systemUTC());
        Peer laptop = peer("laptop", true);
        trail.decided(laptop, "deny", "GET /file: bad request", "GET /file Films/../x: a path cannot step out");
        assertEquals(List.of(laptop.did().value() + " deny GET /file Films/../x: a path cannot step out"), lines(log));
        trail.flush();
        assertEquals(1, log.entries().size(), "nothing was waiting to be summed up");
    }

    @Test
    void aStrangersRefusalsBecomeOneSummaryPerKindWithTheirCountAndTimes() {
        Hands clock = new Hands();
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), clock);
        AuditTrail trail = new AuditTrail(log, clock);
        Peer stranger = peer("stranger", false);
        for (int i = 0; i < 3; i++) {
            trail.decided(stranger, "deny", "GET /list: NOT_ENROLLED", "GET /list /secret/path-" + i);
            clock.now = clock.now.plusSeconds(10);
        }
        trail.decided(stranger, "deny", "GET /file: NOT_ENROLLED", "GET /file x");
        trail.unknown("10.0.0.7", "deny", "no TLS");
        assertEquals(List.of(), lines(log), "nothing is written per refusal");

        trail.flush();
        String did = stranger.did().value();
        assertEquals(List.of(
                did + " deny-summary 3 times from " + T0 + " to " + T0.plusSeconds(20) + ": GET /list: NOT_ENROLLED",
                did + " deny-summary 1 time from " + T0.plusSeconds(30) + " to " + T0.plusSeconds(30) + ": GET /file: NOT_ENROLLED",
                "unknown:10.0.0.7 deny-summary 1 time from " + T0.plusSeconds(30) + " to " + T0.plusSeconds(30) + ": no TLS"),
                lines(log));
        assertTrue(lines(log).stream().noneMatch(line -> line.contains("/secret/path")), "the stranger's own words are dropped");

        trail.flush();
        assertEquals(3, log.entries().size(), "counts are forgotten once written");
    }

    @Test
    void pastItsBoundOfKindsTheRestAreCountedAsOthers() {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        AuditTrail trail = new AuditTrail(log, Clock.systemUTC(), 5);
        Peer stranger = peer("stranger", false);
        for (int i = 0; i < 5; i++) {
            trail.unknown("10.0." + (i / 256) + "." + (i % 256), "deny", "no TLS");
        }
        trail.decided(stranger, "deny", "GET /list: NOT_ENROLLED", "detail");
        trail.decided(stranger, "deny", "GET /info: too many", "detail");
        trail.unknown("10.0.0.0", "deny", "no TLS");
        trail.flush();
        List<String> summaries = lines(log);
        assertEquals(6, summaries.size());
        assertTrue(summaries.get(0).startsWith("unknown:10.0.0.0 deny-summary 2 times"), summaries.get(0));
        assertTrue(summaries.get(summaries.size() - 1).startsWith("others deny-summary 2 times"), summaries.get(summaries.size() - 1));
    }

    @Test
    void summariesTheLogCannotTakeAreKeptAndAddedToTheNextOnes() throws IOException {
        Peer stranger = peer("stranger", false);
        // A folder where the log should be: every write fails, as on a disk gone read-only.
        Files.createDirectory(dir.resolve("blocked"));
        AuditTrail blocked = new AuditTrail(new AuditLog(dir.resolve("blocked"), Clock.systemUTC()), Clock.systemUTC());
        blocked.decided(stranger, "deny", "GET /list: NOT_ENROLLED", "detail");
        blocked.flush();
        blocked.decided(stranger, "deny", "GET /list: NOT_ENROLLED", "detail");
        Files.delete(dir.resolve("blocked"));
        blocked.flush();
        AuditLog reopened = new AuditLog(dir.resolve("blocked"), Clock.systemUTC());
        assertEquals(1, reopened.entries().size());
        assertTrue(reopened.entries().get(0).detail().startsWith("2 times"), reopened.entries().get(0).detail());
    }
}
