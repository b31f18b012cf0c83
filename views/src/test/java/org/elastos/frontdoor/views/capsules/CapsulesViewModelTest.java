package org.elastos.frontdoor.views.capsules;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.capsule.CapsuleBundle;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.InstalledCapsules;
import org.elastos.frontdoor.views.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapsulesViewModelTest {
    private static final String SAMPLE_PUBLISHER = "did:key:z6Mkmd59zR28MwikmQ3ASFaaSebGRfdR1QCXb4MRKAftSzpy";

    @TempDir
    Path data;

    @Test
    void trustsAndRemovesPublishersRevokesGrantsAndFiltersTheAuditLog() throws Exception {
        Grant films = new Grant("folder.read", Map.of("folder", "Films"));
        new InstalledCapsules(data.resolve("capsules"), new AuditLog(data.resolve("capsule-audit.jsonl"), Clock.systemUTC()))
                .install(CapsuleBundle.read(Files.readAllBytes(Path.of("..", "capsule-sandbox", "samples", "hello.capsule"))),
                        List.of(Grant.of("log"), films));
        CapsulesViewModel model = new CapsulesViewModel(data, TaskRunner.synchronous());
        assertEquals(1, model.capsules().size());

        model.newPublisherProperty().set("not a did");
        model.addPublisher();
        assertTrue(model.publisherErrorProperty().get().contains("not a publisher DID"));
        model.newPublisherProperty().set(SAMPLE_PUBLISHER);
        model.addPublisher();
        assertEquals(List.of(SAMPLE_PUBLISHER), model.publishers());

        model.revoke("hello", films);
        assertEquals(List.of(Grant.of("log")), model.capsules().get(0).grants());

        model.auditFilterProperty().set("hello");
        assertTrue(model.auditEntries().stream().allMatch(e -> e.subject().equals("hello")));
        assertEquals("revoke", model.auditEntries().get(0).event(), "newest first");
        model.auditFilterProperty().set(CapsulesViewModel.ALL);
        assertTrue(model.auditEntries().stream().anyMatch(e -> e.event().equals("trust")));

        model.removePublisher(SAMPLE_PUBLISHER);
        assertEquals(List.of(), model.publishers());
    }

    @Test
    void runningACapsuleAsksForEachMissingPermissionAndAppliesTheSameChecks() throws Exception {
        Grant films = new Grant("folder.read", Map.of("folder", "Films"));
        new InstalledCapsules(data.resolve("capsules"), new AuditLog(data.resolve("capsule-audit.jsonl"), Clock.systemUTC()))
                .install(CapsuleBundle.read(Files.readAllBytes(Path.of("..", "capsule-sandbox", "samples", "hello.capsule"))), List.of());
        Files.createDirectories(data.resolve("Films"));
        Files.writeString(data.resolve("Films/welcome.txt"), "Hello there");
        CapsulesViewModel model = new CapsulesViewModel(data, TaskRunner.synchronous());

        model.run("hello");
        assertTrue(model.runResultProperty().get().isEmpty(), "nothing runs before the person answers");
        assertEquals(new CapsulesViewModel.PendingGrant("hello", Grant.of("log")), model.pendingProperty().get());
        model.answer(true);
        assertEquals(new CapsulesViewModel.PendingGrant("hello", films), model.pendingProperty().get());
        model.answer(false);
        assertTrue(model.runResultProperty().get().contains("not in your trusted publishers"), "trust is checked first");

        model.newPublisherProperty().set(SAMPLE_PUBLISHER);
        model.addPublisher();
        model.run("hello");
        assertEquals(new CapsulesViewModel.PendingGrant("hello", films), model.pendingProperty().get(), "log was granted already");
        model.answer(false);
        assertTrue(model.runResultProperty().get().contains("folder.read was not granted"), model.runResultProperty().get());

        model.run("hello");
        model.answer(true);
        assertEquals("hello ran and returned 11.", model.runResultProperty().get());
        assertEquals(List.of(Grant.of("log"), films), model.capsules().get(0).grants());
    }
}
