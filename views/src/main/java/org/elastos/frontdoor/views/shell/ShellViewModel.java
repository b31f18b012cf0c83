package org.elastos.frontdoor.views.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.wallet.signer.DidSigner;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The shell around every section: which section is showing, and the actions its frame offers. */
public final class ShellViewModel {
    private final AppViewModel app;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.HOME);
    private final KeyService keys = new KeyService(Clock.systemUTC());
    private Marketplace marketplace;

    public ShellViewModel(AppViewModel app) {
        this.app = app;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public void show(Section next) {
        section.set(next);
    }

    public void lock() {
        shutdown();
        app.lock();
    }

    /**
     * The market as this identity reaches it, made when the Store or the Library first needs it; empty when the app
     * has no store set up.
     */
    public Optional<Marketplace> marketplace() {
        if (marketplace == null && app.storeSetup().isPresent()) {
            marketplace = new Marketplace(app.storeSetup().get(), () -> app.wallet().flatMap(Wallet::signer)
                    .orElseThrow(() -> new IllegalStateException("the wallet is locked; unlock it to buy")));
        }
        return Optional.ofNullable(marketplace);
    }

    /**
     * Closes the links the shell opened: the chain and the sellers' boxes, off the UI thread, since a box being asked
     * may take its time to let go.
     */
    public void shutdown() {
        if (marketplace != null) {
            Thread closing = new Thread(marketplace::close, "marketplace-close");
            closing.setDaemon(true);
            closing.start();
            marketplace = null;
        }
    }

    public AppViewModel app() {
        return app;
    }

    /** The unlocked wallet's device signer; the link proves this device's DID with it. */
    public DidSigner device() {
        return app.wallet().flatMap(Wallet::signer).map(Signer::device)
                .orElseThrow(() -> new IllegalStateException("the wallet is locked; unlock it to reach your box"));
    }

    /** The boxes the current identity has paired with, kept beside its vault. */
    public PairedBoxes pairedBoxes() {
        return new PairedBoxes(identityFolder().resolve("paired-boxes.json"));
    }

    /** The open identity's folder, beside its vault: what belongs to it alone lives there. */
    public Path identityFolder() {
        return app.wallet().orElseThrow().vault().file().toAbsolutePath().getParent();
    }

    /**
     * Where files the person asks for (an export of their sales) are written: their Downloads folder, or their home
     * when there is none. Overridden by {@code frontdoor.exports} (the journeys' own folder).
     */
    public Path exportFolder() {
        String chosen = System.getProperty("frontdoor.exports", "");
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path downloads = home.resolve("Downloads");
        return java.nio.file.Files.isDirectory(downloads) ? downloads : home;
    }

    /** The player's key service: it holds each playback's content key behind a slot, and nothing else sees it. */
    public KeyService keys() {
        return keys;
    }

    /** How the box will list this device: the computer's name. */
    public String deviceName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getProperty("os.name", "This device");
        }
    }
}
