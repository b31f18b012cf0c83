package org.elastos.frontdoor.views.capsules;

import org.elastos.frontdoor.capsule.AuditLog;
import org.elastos.frontdoor.capsule.CapsuleBundle;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.InstalledCapsules;
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
        CapsulesViewModel model = new CapsulesViewModel(data);
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
        assertTrue(model.auditEntries().stream().allMatch(e -> e.capsule().equals("hello")));
        assertEquals("revoke", model.auditEntries().get(0).event(), "newest first");
        model.auditFilterProperty().set(CapsulesViewModel.ALL);
        assertTrue(model.auditEntries().stream().anyMatch(e -> e.event().equals("trust")));

        model.removePublisher(SAMPLE_PUBLISHER);
        assertEquals(List.of(), model.publishers());
    }
}
