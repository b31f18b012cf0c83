package org.elastos.frontdoor.views.capsules;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.elastos.frontdoor.capsule.CapsuleHost;
import org.elastos.frontdoor.capsule.CapsuleLimits;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.InstalledCapsules;
import org.elastos.frontdoor.capsule.LoadedCapsule;
import org.elastos.frontdoor.capsule.TrustStore;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Capsules in Settings: the publishers the user trusts, the capsules installed and what each may do (revocable),
 * running one (asking for each permission it lacks), and the audit log, filtered by capsule.
 */
public final class CapsulesViewModel {
    /** The filter choice that shows every capsule's entries. */
    public static final String ALL = "";

    /** A permission a capsule asks for and does not have: the person answers it. */
    public record PendingGrant(String capsule, Grant grant) {
    }

    private final TaskRunner tasks;
    private final Path dataRoot;
    private final TrustStore trust;
    private final InstalledCapsules installed;
    private final AuditLog audit;
    private final ObservableList<String> publishers = FXCollections.observableArrayList();
    private final StringProperty newPublisher = new SimpleStringProperty("");
    private final StringProperty publisherError = new SimpleStringProperty("");
    private final ObservableList<InstalledCapsules.Installed> capsules = FXCollections.observableArrayList();
    private final ObservableList<String> auditCapsules = FXCollections.observableArrayList();
    private final StringProperty auditFilter = new SimpleStringProperty(ALL);
    private final ObservableList<AuditLog.Entry> auditEntries = FXCollections.observableArrayList();
    private final ObjectProperty<PendingGrant> pending = new SimpleObjectProperty<>();
    private final StringProperty runResult = new SimpleStringProperty("");
    private final List<PendingGrant> declined = new ArrayList<>();

    /** @param dataRoot the data folder: trusted-publishers, capsules/ and capsule-audit.jsonl live there */
    public CapsulesViewModel(Path dataRoot, TaskRunner tasks) {
        this.tasks = tasks;
        this.dataRoot = dataRoot;
        this.audit = new AuditLog(dataRoot.resolve("capsule-audit.jsonl"), Clock.systemUTC());
        this.trust = new TrustStore(dataRoot.resolve("trusted-publishers"));
        this.installed = new InstalledCapsules(dataRoot.resolve("capsules"), audit);
        auditFilter.addListener((obs, old, value) -> reloadAudit());
        reload();
    }

    public void reload() {
        publishers.setAll(trust.publishers().stream().map(DidKey::value).sorted().toList());
        capsules.setAll(installed.list());
        reloadAudit();
    }

    public void addPublisher() {
        try {
            trust.trust(DidKey.parse(newPublisher.get()));
        } catch (WalletException e) {
            publisherError.set(Strings.get("capsules.bad-publisher", e.getMessage()));
            return;
        }
        audit.record("settings", "trust", newPublisher.get().trim());
        publisherError.set("");
        newPublisher.set("");
        reload();
    }

    public void removePublisher(String did) {
        trust.distrust(DidKey.parse(did));
        audit.record("settings", "distrust", did);
        reload();
    }

    /**
     * Runs an installed capsule's {@code run} function. Each permission it asks for and lacks is put to the person
     * first ({@link #pendingProperty()}); what they decline stays ungranted, and the host's usual checks decide.
     */
    public void run(String capsule) {
        declined.removeIf(d -> d.capsule().equals(capsule));
        runResult.set("");
        askOrRun(capsule);
    }

    /** The person's answer to the pending permission. */
    public void answer(boolean allow) {
        PendingGrant asked = pending.get();
        if (asked == null) {
            return;
        }
        pending.set(null);
        if (allow) {
            installed.grant(asked.capsule(), asked.grant());
        } else {
            declined.add(asked);
            audit.record(asked.capsule(), "deny", asked.grant() + " (asked and declined)");
        }
        reload();
        askOrRun(asked.capsule());
    }

    private void askOrRun(String capsule) {
        InstalledCapsules.Installed entry = capsules.stream().filter(c -> c.manifest().name().equals(capsule)).findFirst().orElseThrow();
        for (Grant wanted : entry.manifest().requested()) {
            PendingGrant ask = new PendingGrant(capsule, wanted);
            if (!entry.grants().contains(wanted) && !declined.contains(ask)) {
                pending.set(ask);
                return;
            }
        }
        CapsuleHost host = new CapsuleHost(trust, audit, dataRoot, CapsuleLimits.DEVICE_MAXIMUM);
        List<Grant> grants = entry.grants();
        runResult.set(Strings.get("capsules.running", capsule));
        tasks.run(() -> {
            try (LoadedCapsule loaded = host.load(installed.bundle(capsule), grants)) {
                return loaded.call("run")[0];
            }
        }, value -> {
            runResult.set(Strings.get("capsules.ran", capsule, value));
            reload();
        }, failure -> {
            runResult.set(failure instanceof WalletException ? failure.getMessage() : Strings.get("error.unexpected", failure));
            reload();
        });
    }

    public ObjectProperty<PendingGrant> pendingProperty() {
        return pending;
    }

    public StringProperty runResultProperty() {
        return runResult;
    }

    public void revoke(String capsule, Grant grant) {
        installed.revoke(capsule, grant);
        reload();
    }

    private void reloadAudit() {
        List<AuditLog.Entry> all = audit.entries();
        auditCapsules.setAll(all.stream().map(AuditLog.Entry::subject).distinct().sorted().toList());
        String filter = auditFilter.get();
        auditEntries.setAll(all.stream().filter(e -> filter == null || filter.isEmpty() || e.subject().equals(filter))
                .sorted((a, b) -> Long.compare(b.seq(), a.seq())).toList());
    }

    public ObservableList<String> publishers() {
        return publishers;
    }

    public StringProperty newPublisherProperty() {
        return newPublisher;
    }

    public StringProperty publisherErrorProperty() {
        return publisherError;
    }

    public ObservableList<InstalledCapsules.Installed> capsules() {
        return capsules;
    }

    public ObservableList<String> auditCapsules() {
        return auditCapsules;
    }

    public StringProperty auditFilterProperty() {
        return auditFilter;
    }

    public ObservableList<AuditLog.Entry> auditEntries() {
        return auditEntries;
    }
}
