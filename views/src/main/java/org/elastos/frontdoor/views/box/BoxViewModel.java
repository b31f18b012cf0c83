package org.elastos.frontdoor.views.box;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.elastos.frontdoor.link.AuditHeads;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The paired box as Home shows it: whether it is online, by which path and how quickly it answers; its folders
 * to browse; files to download with progress and cancel; and, for an owner, its devices to revoke.
 */
public final class BoxViewModel {
    public enum Status { NONE, CONNECTING, ONLINE, OFFLINE }

    private record Reached(BoxConnector.Path path, long roundTripMs, List<BoxClient.Entry> top, AuditHeads.Check audit) {
    }

    private final TaskRunner tasks;
    private final Supplier<DidSigner> device;
    private final PairedBoxes paired;
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.NONE);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObservableList<BoxClient.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<BoxClient.DeviceInfo> devices = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile BoxConnector.Connection connection;

    public BoxViewModel(TaskRunner tasks, Supplier<DidSigner> device, PairedBoxes paired) {
        this.tasks = tasks;
        this.device = device;
        this.paired = paired;
        paired.first().ifPresent(box -> name.set(box.name()));
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** "Online · direct · 3 ms", or why it is offline. */
    public StringProperty detailProperty() {
        return detail;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ObservableList<BoxClient.Entry> entries() {
        return entries;
    }

    public ObservableList<BoxClient.DeviceInfo> devices() {
        return devices;
    }

    /** Download progress from 0 to 1, or -1 when nothing is downloading. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public boolean isPaired() {
        return paired.first().isPresent();
    }

    public boolean isOwner() {
        return paired.first().map(box -> box.role().equals("owner")).orElse(false);
    }

    /** Connects (directly first, then through the relay), measures a round trip and lists the top folders. */
    public void refresh() {
        Optional<PairedBoxes.PairedBox> box = paired.first();
        if (box.isEmpty()) {
            status.set(Status.NONE);
            return;
        }
        status.set(Status.CONNECTING);
        detail.set(Strings.get("box.connecting"));
        tasks.run(() -> {
            closeConnection();
            BoxConnector.Connection opened = BoxConnector.connect(box.get().endpoints(), box.get().box(), device.get(),
                    box.get().relayPass());
            if (box.get().token().isPresent()) {
                opened.client().withToken(box.get().token().get());
            } else {
                // Paired while an owner had yet to approve: ask again, and keep the token once it comes.
                BoxClient.Enrollment enrollment = opened.client().enrollment();
                if (enrollment.pending()) {
                    opened.client().close();
                    throw new IllegalStateException(Strings.get("box.waitingForApproval"));
                }
                paired.save(new PairedBoxes.PairedBox(box.get().box(), box.get().name(), box.get().endpoints(),
                        enrollment.token(), enrollment.role(), enrollment.relayPass()));
            }
            long start = System.nanoTime();
            opened.client().info();
            long roundTripMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            connection = opened;
            return new Reached(opened.path(), roundTripMs, opened.client().list(folder.get()), checkAudit(opened.client()));
        }, reached -> {
            status.set(Status.ONLINE);
            detail.set(Strings.get("box.online", Strings.get("box.path." + reached.path()), reached.roundTripMs()));
            if (reached.audit() == AuditHeads.Check.BEHIND || reached.audit() == AuditHeads.Check.FORKED) {
                message.set(Strings.get("box.audit." + reached.audit()));
            }
            entries.setAll(reached.top());
        }, error -> {
            status.set(Status.OFFLINE);
            detail.set(Strings.get("box.offline", error.getMessage()));
        });
    }

    /**
     * Keeps the box's newest audit checkpoint, and says when the box's log is shorter than, or differs from, one it
     * showed before. A box that has not signed one yet is not an error.
     */
    private AuditHeads.Check checkAudit(BoxClient client) {
        try {
            return paired.auditHeads().keep(client.box(), client.auditHead());
        } catch (BoxRefusedException notYet) {
            return AuditHeads.Check.SAME;
        }
    }

    /** Opens a folder (or, at the top, one of the box's folders). */
    public void open(BoxClient.Entry entry) {
        if (!entry.folder()) {
            return;
        }
        String next = folder.get().isEmpty() ? entry.name() : folder.get() + "/" + entry.name();
        list(next);
    }

    public void up() {
        String current = folder.get();
        list(current.contains("/") ? current.substring(0, current.lastIndexOf('/')) : "");
    }

    private void list(String next) {
        withConnection(client -> client.list(next), listed -> {
            folder.set(next);
            entries.setAll(listed);
        });
    }

    /** Streams a file to {@code target}, written whole under a temporary name and moved in place at the end. */
    public void download(BoxClient.Entry entry, Path target) {
        String remote = folder.get() + "/" + entry.name();
        cancelled.set(false);
        progress.set(0);
        message.set(Strings.get("box.download.started", entry.name()));
        withConnection(client -> {
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            LinkHttp.Response response = client.read(remote, 0);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                long done = 0;
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (cancelled.get()) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    done += read;
                    double fraction = response.length() == 0 ? 1 : (double) done / response.length();
                    tasks.onUiThread(() -> progress.set(fraction));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            try {
                if (cancelled.get()) {
                    Files.deleteIfExists(partial);
                    closeConnection();
                    return false;
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, finished -> {
            progress.set(-1);
            message.set(Strings.get(finished ? "box.download.done" : "box.download.cancelled", entry.name()));
            if (!finished) {
                refresh();   // cancelling closed the connection mid-transfer
            }
        });
    }

    /** Sends a local file into the folder being shown, with progress; the box keeps it only once it arrived whole. */
    public void upload(Path local) {
        String here = folder.get();
        if (here.isEmpty()) {
            message.set(Strings.get("box.upload.chooseFolder"));
            return;
        }
        String name = local.getFileName().toString();
        cancelled.set(false);
        progress.set(0);
        message.set(Strings.get("box.upload.started", name));
        withConnection(client -> {
            long size;
            try (InputStream in = Files.newInputStream(local)) {
                size = Files.size(local);
                client.upload(here + "/" + name, in, size, false,
                        sent -> tasks.onUiThread(() -> progress.set(size == 0 ? 1 : (double) sent / size)), cancelled::get);
                return client.list(here);
            } catch (CancellationException stopped) {
                return null;
            } catch (IOException e) {
                throw new IllegalStateException(Strings.get("box.upload.unreadable", name, e.getMessage()), e);
            }
        }, listed -> {
            progress.set(-1);
            if (listed == null) {
                message.set(Strings.get("box.upload.cancelled", name));
                refresh();
            } else {
                entries.setAll(listed);
                message.set(Strings.get("box.upload.done", name));
            }
        });
    }

    /** Stops the download or upload under way. */
    public void cancelTransfer() {
        cancelled.set(true);
    }

    public void loadDevices() {
        withConnection(BoxClient::devices, devices::setAll);
    }

    /** Lets a device that paired with a fresh invite in, from this (owner) device. */
    public void approve(DidKey did) {
        withConnection(client -> {
            client.approve(did);
            return client.devices();
        }, listed -> {
            devices.setAll(listed);
            message.set(Strings.get("box.device.approved"));
        });
    }

    public void revoke(DidKey did) {
        withConnection(client -> {
            client.revoke(did);
            return client.devices();
        }, listed -> {
            devices.setAll(listed);
            message.set(Strings.get("box.device.revoked"));
        });
    }

    private <T> void withConnection(Function<BoxClient, T> work, Consumer<T> done) {
        BoxConnector.Connection open = connection;
        if (open == null || !open.client().isOpen()) {
            message.set(Strings.get("box.notConnected"));
            return;
        }
        tasks.run(() -> work.apply(open.client()), done, error -> {
            progress.set(-1);
            message.set(error instanceof LinkException ? error.getMessage() : Strings.get("pair.error.unexpected", error.getMessage()));
        });
    }

    private void closeConnection() {
        BoxConnector.Connection open = connection;
        connection = null;
        if (open != null) {
            open.client().close();
        }
    }

    public void shutdown() {
        closeConnection();
    }
}
