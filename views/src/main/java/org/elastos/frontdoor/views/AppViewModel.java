package org.elastos.frontdoor.views;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.elastos.frontdoor.views.release.UpdateViewModel;
import org.elastos.frontdoor.views.store.StoreSetup;
import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.time.Duration;
import java.util.Optional;

/**
 * The app as a whole: which identity is open, and whether the person sees onboarding, the lock screen or the
 * shell. Screens talk to each other only through this model.
 */
public final class AppViewModel {
    public enum Screen { ONBOARDING, LOCKED, SHELL }

    public static final Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(5);

    private final IdentityDirectory identities;
    private final TaskRunner tasks;
    private final Optional<UpdateViewModel.Channel> releaseChannel;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.ONBOARDING);
    private final ObjectProperty<Identity> identity = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> autoLock = new SimpleObjectProperty<>(DEFAULT_AUTO_LOCK);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private StoreSetup storeSetup;
    private Wallet wallet;

    public AppViewModel(IdentityDirectory identities, TaskRunner tasks) {
        this(identities, tasks, Optional.empty());
    }

    /** @param releaseChannel where this build looks for updates; empty for a build made without one */
    public AppViewModel(IdentityDirectory identities, TaskRunner tasks, Optional<UpdateViewModel.Channel> releaseChannel) {
        this.identities = identities;
        this.tasks = tasks;
        this.releaseChannel = releaseChannel;
        autoLock.addListener((obs, old, delay) -> {
            if (wallet != null) {
                wallet.autoLockAfter(delay);
            }
        });
    }

    /** Opens the identity used last, locked; with none on this device, onboarding starts. */
    public void start() {
        identities.current().ifPresentOrElse(vault -> adopt(Wallet.open(vault), Screen.LOCKED),
                () -> screen.set(Screen.ONBOARDING));
    }

    /** Onboarding made or restored an identity and unlocked it: it becomes the current one. */
    public void onboarded(Wallet unlocked) {
        identities.makeCurrent(unlocked.vault());
        adopt(unlocked, Screen.SHELL);
    }

    /** Start onboarding for another identity; the current one stays on the device. */
    public void addIdentity() {
        if (wallet != null) {
            wallet.lock();
        }
        screen.set(Screen.ONBOARDING);
    }

    /** Leave onboarding without a new identity (only when there is one to go back to). */
    public void cancelOnboarding() {
        if (wallet != null) {
            screen.set(Screen.LOCKED);
        }
    }

    public boolean hasIdentity() {
        return wallet != null;
    }

    public void unlocked() {
        screen.set(Screen.SHELL);
    }

    public void lock() {
        if (wallet != null) {
            wallet.lock();
        }
        screen.set(Screen.LOCKED);
    }

    /** Any key press or pointer event: the auto-lock clock starts again. */
    public void recordActivity() {
        if (wallet != null) {
            wallet.recordActivity();
        }
    }

    public Optional<Wallet> wallet() {
        return Optional.ofNullable(wallet);
    }

    public IdentityDirectory identities() {
        return identities;
    }

    public Optional<UpdateViewModel.Channel> releaseChannel() {
        return releaseChannel;
    }

    /** Where the Store, the Library and the player look; empty until the app is told (the Store then says so). */
    public Optional<StoreSetup> storeSetup() {
        return Optional.ofNullable(storeSetup);
    }

    public void useStore(StoreSetup setup) {
        storeSetup = setup;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyObjectProperty<Identity> identityProperty() {
        return identity;
    }

    public ObjectProperty<Duration> autoLockProperty() {
        return autoLock;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    private void adopt(Wallet next, Screen then) {
        if (wallet != null && wallet != next) {
            wallet.close();
        }
        wallet = next;
        identity.set(next.identity());
        next.onLock(() -> tasks.onUiThread(() -> {
            if (wallet == next && screen.get() == Screen.SHELL) {
                screen.set(Screen.LOCKED);
            }
        }));
        next.autoLockAfter(autoLock.get());
        screen.set(then);
    }

    /** Locks and releases the wallet when the app closes. */
    public void shutdown() {
        if (wallet != null) {
            wallet.close();
        }
    }
}
