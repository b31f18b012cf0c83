package org.elastos.frontdoor.wallet.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.testing.SmallDisk;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void movesATornLastLineAsideAndSaysSo() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        log.record("box", "start", "listening");
        log.record("device", "allow", "GET /list Films");
        // A power cut in the middle of the next line.
        Files.write(file, "{\"seq\":3,\"at\":\"2026-12-02T".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(AuditVerdict.Problem.TORN_TAIL, ((AuditVerdict.Broken) log.verify()).problem());

        assertTrue(log.sealTornTail() > 0);
        AuditLog.Entry sealed = log.entries().get(2);
        assertEquals("sealed", sealed.event());
        assertTrue(sealed.detail().contains("torn"), sealed.detail());
        log.record("device", "allow", "GET /list Photos");
        assertEquals(new AuditVerdict.Intact(4, log.head()), log.verify());
        assertEquals(0, log.sealTornTail(), "nothing left to seal");
    }

    @Test
    void aTornTailIsSealedByTheNextWriteToo() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        log.record("box", "start", "listening");
        Files.write(file, "{\"seq\":2".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        log.record("device", "allow", "GET /info");
        assertEquals(List.of("start", "sealed", "allow"), log.entries().stream().map(AuditLog.Entry::event).toList());
        assertInstanceOf(AuditVerdict.Intact.class, log.verify());
    }

    @Test
    void namesAnUnreadableLineInsteadOfFailing() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            log.record("device", "allow", "request " + i);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (byte[] bad : List.of("[1,2,3]".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'}, "{}{}".getBytes(StandardCharsets.UTF_8))) {
            java.io.ByteArrayOutputStream damaged = new java.io.ByteArrayOutputStream();
            damaged.writeBytes((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            damaged.writeBytes(bad);
            damaged.writeBytes(("\n" + lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
            Files.write(file, damaged.toByteArray());
            AuditVerdict verdict = new AuditLog(file, Clock.systemUTC()).verify();
            AuditVerdict.Broken broken = assertInstanceOf(AuditVerdict.Broken.class, verdict, new String(bad, StandardCharsets.UTF_8));
            assertEquals(2, broken.seq());
            assertEquals(2, broken.line());
            assertEquals(AuditVerdict.Problem.UNREADABLE_LINE, broken.problem());
        }
    }

    @Test
    void aCheckpointCatchesALogCutShortAndARewrittenChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        for (int i = 0; i < 600; i++) {
            log.record("device", "allow", "request " + i);
        }
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        var signed = AuditCheckpoint.of(box.did(), log.head(), Instant.now()).sign(box);
        AuditHead kept = AuditCheckpoint.verify(signed, box.did()).head();
        assertEquals(600, kept.seq());
        assertInstanceOf(AuditVerdict.Intact.class, log.verify(kept));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        // The last 500 entries deleted: still a perfect chain on its own.
        Files.write(file, lines.subList(0, 100), StandardCharsets.UTF_8);
        assertInstanceOf(AuditVerdict.Intact.class, log.verify());
        AuditVerdict.Broken cut = assertInstanceOf(AuditVerdict.Broken.class, log.verify(kept));
        assertEquals(AuditVerdict.Problem.CUT_SHORT, cut.problem());

        // An entry edited, and every later hash recomputed: a chain that checks out on its own.
        Files.delete(file);
        AuditLog forged = new AuditLog(file, Clock.systemUTC());
        for (int i = 0; i < 600; i++) {
            forged.record("device", i == 42 ? "deny" : "allow", "request " + i);
        }
        assertInstanceOf(AuditVerdict.Intact.class, forged.verify());
        AuditVerdict.Broken rewritten = assertInstanceOf(AuditVerdict.Broken.class, forged.verify(kept));
        assertEquals(AuditVerdict.Problem.REWRITTEN, rewritten.problem());

        HostKey stranger = HostKey.loadOrCreate(dir.resolve("stranger.key"), new SecureRandom());
        var forgedCheckpoint = AuditCheckpoint.of(stranger.did(), forged.head(), Instant.now()).sign(stranger);
        assertThrows(org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException.class,
                () -> AuditCheckpoint.verify(forgedCheckpoint, box.did()));
    }

    @Test
    void cutsLongDetailsSoNoCallerCanMakeOneEntryLarge() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        log.record("did:key:z6Mkstranger", "deny", "GET /list " + "A".repeat(8000));
        String detail = log.entries().get(0).detail();
        assertTrue(detail.length() < AuditLog.MAX_DETAIL_CHARS + 40, detail.length() + " characters");
        assertTrue(detail.endsWith("more characters)"), detail);
    }

    @Test
    void onlyItsOwnerMayReadTheLog() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new AuditLog(file, Clock.systemUTC()).record("box", "start", "listening");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path fresh = dir.resolve("fresh.jsonl");
        new AuditLog(fresh, Clock.systemUTC()).record("box", "start", "listening");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aFullDiskLeavesNoTornLineAndTheLogWorksAgainOnceThereIsRoom() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 1)) {
            Path file = disk.root().resolve("audit.jsonl");
            AuditLog log = new AuditLog(file, Clock.systemUTC());
            log.record("box", "start", "listening");
            disk.fill();
            // The file's last page may still have room for a few entries; the disk is full once it has none.
            int written = 1;
            AuditUnavailableException full = null;
            while (full == null && written < 100) {
                try {
                    log.record("device", "allow", "x".repeat(400));
                    written++;
                } catch (AuditUnavailableException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the disk filled up");
            assertEquals(AuditUnavailableException.Reason.DISK_FULL, full.reason());
            assertEquals(written, log.entries().size());
            assertInstanceOf(AuditVerdict.Intact.class, log.verify(), "the failed write left nothing behind");
            disk.free();
            log.record("device", "allow", "after the disk had room again");
            assertEquals(written + 1, log.entries().size());
            assertInstanceOf(AuditVerdict.Intact.class, log.verify());
        }
    }
}
