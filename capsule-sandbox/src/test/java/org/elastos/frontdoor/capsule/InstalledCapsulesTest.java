package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstalledCapsulesTest {
    @TempDir
    Path dir;

    @Test
    void installsTheSampleKeepsItsGrantsAndRevokesOne() throws Exception {
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        InstalledCapsules installed = new InstalledCapsules(dir.resolve("capsules"), audit);
        CapsuleBundle sample = CapsuleBundle.read(Files.readAllBytes(Path.of("samples/hello.capsule")));
        Grant films = new Grant("folder.read", Map.of("folder", "Films"));
        Grant notRequested = new Grant("folder.read", Map.of("folder", "Personal"));
        installed.install(sample, List.of(Grant.of("log"), films, notRequested));

        InstalledCapsules reopened = new InstalledCapsules(dir.resolve("capsules"), audit);
        assertEquals(List.of(Grant.of("log"), films), reopened.list().get(0).grants(), "only what the manifest asked for is kept");
        reopened.revoke("hello", films);
        assertEquals(List.of(Grant.of("log")), new InstalledCapsules(dir.resolve("capsules"), audit).list().get(0).grants());
        assertEquals(List.of("install", "grant", "grant", "revoke"), audit.entries().stream().map(AuditLog.Entry::event).toList());
    }

    @Test
    void refusesToInstallATamperedCapsule() throws Exception {
        CapsuleBundle sample = CapsuleBundle.read(Files.readAllBytes(Path.of("samples/hello.capsule")));
        byte[] wasm = sample.wasm();
        wasm[wasm.length - 1] ^= 1;
        InstalledCapsules installed = new InstalledCapsules(dir.resolve("capsules"), new AuditLog(dir.resolve("a.jsonl"), Clock.systemUTC()));
        assertThrows(CapsuleException.WasmMismatch.class, () -> installed.install(new CapsuleBundle(sample.manifestJson(), wasm), List.of()));
        assertEquals(List.of(), installed.list());
    }
}
