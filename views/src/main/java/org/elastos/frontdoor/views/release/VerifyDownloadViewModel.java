package org.elastos.frontdoor.views.release;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.elastos.frontdoor.installers.ReleaseVerifier;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * "Verify a download": an installer and its signed manifest in, a verdict out: who signed it, whether it matches,
 * and whether that signer is the publisher the person expects.
 */
public final class VerifyDownloadViewModel {
    public enum Verdict { NONE, VERIFIED, REFUSED }

    private final TaskRunner tasks;
    private final ObjectProperty<Path> installer = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> manifest = new SimpleObjectProperty<>();
    private final StringProperty publisher = new SimpleStringProperty("");
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(Verdict.NONE);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public VerifyDownloadViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        installer.addListener((obs, old, file) -> clearVerdict());
        manifest.addListener((obs, old, file) -> clearVerdict());
        publisher.addListener((obs, old, text) -> clearVerdict());
    }

    /** A dropped or picked file: a .json is the manifest, anything else the installer. */
    public void take(Path file) {
        if (file.getFileName().toString().toLowerCase().endsWith(".json")) {
            manifest.set(file);
        } else {
            installer.set(file);
        }
    }

    public void verify() {
        if (installer.get() == null || manifest.get() == null) {
            refuse(Strings.get("verify.need-both"));
            return;
        }
        Set<DidKey> trusted;
        try {
            trusted = publisher.get().isBlank() ? Set.of() : Set.of(DidKey.parse(publisher.get()));
        } catch (WalletException e) {
            refuse(Strings.get("verify.bad-publisher", e.getMessage()));
            return;
        }
        Path file = installer.get();
        Path signed = manifest.get();
        busy.set(true);
        tasks.run(() -> {
            try {
                return new ReleaseVerifier(trusted).verify(Files.readString(signed), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, verified -> {
            busy.set(false);
            verdict.set(Verdict.VERIFIED);
            message.set(Strings.get(verified.publisherTrusted() ? "verify.ok-trusted" : "verify.ok-untrusted",
                    verified.artifact().name(), verified.manifest().version(), verified.publisher().value(),
                    verified.publisher().fingerprint()));
        }, failure -> {
            busy.set(false);
            refuse(failure instanceof UncheckedIOException io ? Strings.get("verify.unreadable", io.getCause().getMessage())
                    : failure.getMessage());
        });
    }

    private void refuse(String reason) {
        verdict.set(Verdict.REFUSED);
        message.set(reason);
    }

    private void clearVerdict() {
        verdict.set(Verdict.NONE);
        message.set("");
    }

    public ObjectProperty<Path> installerProperty() {
        return installer;
    }

    public ObjectProperty<Path> manifestProperty() {
        return manifest;
    }

    public StringProperty publisherProperty() {
        return publisher;
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
