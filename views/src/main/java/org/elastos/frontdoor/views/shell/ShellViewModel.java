package org.elastos.frontdoor.views.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.wallet.signer.DidSigner;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/** The shell around every section: which section is showing, and the actions its frame offers. */
public final class ShellViewModel {
    private final AppViewModel app;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.HOME);

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
        app.lock();
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
        Path vaultFolder = app.wallet().orElseThrow().vault().file().toAbsolutePath().getParent();
        return new PairedBoxes(vaultFolder.resolve("paired-boxes.json"));
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
