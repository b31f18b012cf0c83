package org.elastos.frontdoor.views.lock;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.vault.Wallet;
import org.elastos.frontdoor.wallet.vault.WrongPasswordException;

/** The lock screen: a password, an unlock that runs off the UI thread, and a shake when it is wrong. */
public final class LockViewModel {
    private final AppViewModel app;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final IntegerProperty shakes = new SimpleIntegerProperty(0);

    public LockViewModel(AppViewModel app) {
        this.app = app;
    }

    public void unlock() {
        Wallet wallet = app.wallet().orElseThrow();
        if (busy.get()) {
            return;
        }
        if (password.get().isEmpty()) {
            error.set(Strings.get("lock.empty"));
            shakes.set(shakes.get() + 1);
            return;
        }
        char[] typed = password.get().toCharArray();
        busy.set(true);
        error.set("");
        app.tasks().run(() -> wallet.unlock(typed), signer -> {
            busy.set(false);
            password.set("");
            app.unlocked();
        }, failure -> {
            busy.set(false);
            password.set("");
            if (failure instanceof WrongPasswordException) {
                error.set(Strings.get("lock.wrong"));
                shakes.set(shakes.get() + 1);
            } else if (failure instanceof WalletException) {
                error.set(failure.getMessage());
            } else {
                error.set(Strings.get("error.unexpected", failure));
            }
        });
    }

    public void addIdentity() {
        app.addIdentity();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Goes up by one each time the view should shake. */
    public IntegerProperty shakesProperty() {
        return shakes;
    }
}
