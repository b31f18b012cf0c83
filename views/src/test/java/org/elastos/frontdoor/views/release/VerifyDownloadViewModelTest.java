package org.elastos.frontdoor.views.release;

import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyDownloadViewModelTest {
    @TempDir
    Path dir;
    private Signer publisher;
    private Path installer;
    private Path manifest;
    private final VerifyDownloadViewModel model = new VerifyDownloadViewModel(TaskRunner.synchronous());

    @BeforeEach
    void release() throws Exception {
        char[] password = "publisher password".toCharArray();
        Vault.at(dir.resolve("vault")).create(RecoveryPhrase.parse(
                "legal winner thank year wave sausage worth useful legal winner thank yellow"), "", password);
        publisher = Wallet.open(Vault.at(dir.resolve("vault"))).unlock(password);
        installer = Files.writeString(dir.resolve("elastos-frontdoor_0.2.0-1_amd64.deb"), "installer");
        manifest = Files.writeString(dir.resolve("release-manifest.json"),
                ReleaseManifest.sign(publisher, "0.2.0", List.of(installer), Instant.now()).toJsonString());
    }

    @Test
    void showsWhoSignedAMatchingDownload() {
        model.take(manifest);
        model.take(installer);
        model.verify();
        assertEquals(VerifyDownloadViewModel.Verdict.VERIFIED, model.verdictProperty().get());
        assertTrue(model.messageProperty().get().contains(publisher.did().value()), model.messageProperty().get());
        assertTrue(model.messageProperty().get().contains("Make sure"), "an unchecked publisher is pointed out");

        model.publisherProperty().set(publisher.did().value());
        assertEquals(VerifyDownloadViewModel.Verdict.NONE, model.verdictProperty().get(), "a changed input clears the verdict");
        model.verify();
        assertTrue(model.messageProperty().get().contains("the publisher you expect"), model.messageProperty().get());
    }

    @Test
    void refusesATamperedInstallerAndAnUnexpectedPublisher() throws Exception {
        model.take(manifest);
        model.take(installer);
        model.publisherProperty().set("did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th");
        model.verify();
        assertEquals(VerifyDownloadViewModel.Verdict.REFUSED, model.verdictProperty().get());
        assertTrue(model.messageProperty().get().contains("not a publisher you trust"));

        model.publisherProperty().set("");
        Files.writeString(installer, "installer, changed");
        model.verify();
        assertEquals(VerifyDownloadViewModel.Verdict.REFUSED, model.verdictProperty().get());
        assertTrue(model.messageProperty().get().contains("does not match"), model.messageProperty().get());
    }

    @Test
    void asksForBothFilesAndAValidDid() {
        model.take(installer);
        model.verify();
        assertTrue(model.messageProperty().get().contains("both"));
        model.take(manifest);
        model.publisherProperty().set("not a did");
        model.verify();
        assertEquals(VerifyDownloadViewModel.Verdict.REFUSED, model.verdictProperty().get());
    }

    @Test
    void aBuildWithoutAReleaseChannelSaysSoInsteadOfChecking() {
        UpdateViewModel updates = new UpdateViewModel(TaskRunner.synchronous(), Optional.empty());
        updates.check();
        assertTrue(updates.statusProperty().get().contains("no release channel"), updates.statusProperty().get());
    }
}
