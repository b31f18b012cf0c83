package org.elastos.frontdoor.tests;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line handed what an attacker or a damaged disk would hand it: each refusal is a clear line and exit 1
 * (or 2 for a wrong option), never a stack trace, and never a read of more than it needs.
 */
class HostileFilesCommandLineTest {
    @TempDir
    Path dir;

    private static void refusedWithoutATrace(FrontDoorCli.Run run, int exit, String words) {
        assertEquals(exit, run.exit(), run.err());
        assertTrue(run.err().contains(words), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.err().contains("OutOfMemoryError"), run.err());
    }

    private static Path sparse(Path file, long size) throws Exception {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(size);
        }
        return file;
    }

    @Test
    void refusesAThreeGibibyteEnvelopeAndCapsuleWithoutReadingThem() throws Exception {
        Path huge = sparse(dir.resolve("huge.json"), 3L << 30);
        refusedWithoutATrace(FrontDoorCli.run("", "envelope", "verify", huge.toString()), 1, "no envelope has more than");
        Path capsule = sparse(dir.resolve("huge.capsule"), 3L << 30);
        refusedWithoutATrace(FrontDoorCli.run("", "capsule", "verify", capsule.toString()), 1, "more than any capsule");
    }

    @Test
    void refusesAnEnvelopeWithASecondDocumentAfterIt() throws Exception {
        Path vault = dir.resolve("vault");
        FrontDoorCli.Run created = FrontDoorCli.run("correct horse battery\n", "wallet", "create", "--vault", vault.toString());
        assertEquals(0, created.exit(), created.err());
        Path payload = Files.writeString(dir.resolve("payload.json"), "{\"hello\":\"box\"}");
        FrontDoorCli.Run signed = FrontDoorCli.run("correct horse battery\n", "envelope", "sign", "--vault", vault.toString(),
                "--domain", "elastos.release.v1", payload.toString());
        assertEquals(0, signed.exit(), signed.err());
        Path envelope = Files.writeString(dir.resolve("signed.json"), signed.out());
        assertEquals(0, FrontDoorCli.run("", "envelope", "verify", envelope.toString()).exit());
        Path doubled = Files.writeString(dir.resolve("doubled.json"), signed.out() + "\n{\"payload\":{\"hello\":\"someone else\"}}");
        refusedWithoutATrace(FrontDoorCli.run("", "envelope", "verify", doubled.toString()), 1, "malformed");
    }

    @Test
    void auditVerifyNamesATornANonObjectAndANonUtf8LineInsteadOfFailing() throws Exception {
        Path data = Files.createDirectories(dir.resolve("box"));
        Path audit = data.resolve("audit.jsonl");
        AuditLog log = new AuditLog(audit, Clock.systemUTC());
        log.record("did:key:z6Mkbox", "start", "listening");
        log.record("did:key:z6Mkdevice", "allow", "GET /list Films");
        assertEquals(0, FrontDoorCli.run("", "box", "audit", "verify", "--data", data.toString()).exit());
        String intact = Files.readString(audit, StandardCharsets.UTF_8);
        Files.writeString(audit, intact + "{\"seq\":");
        refusedWithoutATrace(FrontDoorCli.run("", "box", "audit", "verify", "--data", data.toString()), 1, "middle of a line");
        Files.writeString(audit, intact + "[1,2,3]\n");
        refusedWithoutATrace(FrontDoorCli.run("", "box", "audit", "verify", "--data", data.toString()), 1, "is not an entry");
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '{', '}', '\n'};
        byte[] prefix = intact.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + bad.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(bad, 0, all, prefix.length, bad.length);
        Files.write(audit, all);
        refusedWithoutATrace(FrontDoorCli.run("", "box", "audit", "verify", "--data", data.toString()), 1, "not UTF-8");
    }

    @Test
    void refusesInviteLifetimesOfNothingLessThanNothingAndCenturies() throws Exception {
        Path data = Files.createDirectories(dir.resolve("box"));
        for (String minutes : List.of("0", "-5", "99999999")) {
            FrontDoorCli.Run run = FrontDoorCli.run("", "box", "invite", "--data", data.toString(), "--minutes", minutes);
            refusedWithoutATrace(run, 1, "from 1 to 1440 minutes");
        }
    }
}
