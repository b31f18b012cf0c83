package org.elastos.frontdoor.views.release;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.elastos.frontdoor.installers.UpdateCheck;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Check for updates": asks the release channel this build was made with. An update is announced only when its
 * installer is downloaded and verified; a build without a channel says so instead of pretending to check.
 */
public final class UpdateViewModel {
    /**
     * Where this build looks for releases: the folder of the release's manifests. Which file fits this machine is
     * the update check's to find, from the platform and architecture each manifest is signed for.
     */
    public record Channel(URI folder, Supplier<UpdateCheck> check) {
    }

    private final TaskRunner tasks;
    private final Optional<Channel> channel;
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public UpdateViewModel(TaskRunner tasks, Optional<Channel> channel) {
        this.tasks = tasks;
        this.channel = channel;
        status.set(channel.isPresent() ? "" : Strings.get("update.no-channel"));
    }

    public boolean hasChannel() {
        return channel.isPresent();
    }

    public void check() {
        if (channel.isEmpty() || busy.get()) {
            return;
        }
        Channel configured = channel.get();
        busy.set(true);
        status.set(Strings.get("update.checking"));
        tasks.run(() -> configured.check().get().check(configured.folder()), result -> {
            busy.set(false);
            status.set(describe(result));
        }, failure -> {
            busy.set(false);
            status.set(Strings.get("error.unexpected", failure.getMessage()));
        });
    }

    private static String describe(UpdateCheck.Result result) {
        if (result instanceof UpdateCheck.Available available) {
            return Strings.get("update.available", available.manifest().version(), available.verifiedInstaller());
        }
        if (result instanceof UpdateCheck.UpToDate upToDate) {
            return Strings.get("update.up-to-date", upToDate.version());
        }
        return Strings.get("update.refused", ((UpdateCheck.Refused) result).reason());
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
