package org.elastos.frontdoor.views.lock;

import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.wallet.Identity;

/** The lock screen: who this is, a password field, and a shake when the password is wrong. */
public final class LockView extends StackPane {
    private final PasswordField password = new PasswordField();

    public LockView(LockViewModel model, Identity identity) {
        setId("lock-screen");
        password.setId("unlock-password");
        password.setPromptText(Strings.get("lock.password"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.disableProperty().bind(model.busyProperty());

        Label who = Widgets.styled(new Label(identity.did().value()), "identity-value");
        who.setId("lock-identity");
        who.setWrapText(true);

        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(Bindings.isNotEmpty(error.textProperty()));

        Button unlock = Widgets.primary("unlock", Strings.get("lock.unlock"), model::unlock);
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.busyProperty());
        unlock.setMaxWidth(Double.MAX_VALUE);
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(24, 24);
        HBox progress = new HBox(10, working, Widgets.styled(new Label(Strings.get("lock.working")), "muted"));
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());

        Button other = Widgets.link("add-identity", Strings.get("lock.add"), model::addIdentity);
        Node card = Widgets.centeredCard(Widgets.styled(new Label(Strings.get("app.title")), "brand"),
                Widgets.title(Strings.get("lock.title")), who, Widgets.body(Strings.get("lock.body")),
                password, error, progress, unlock, other);
        getChildren().add(card);

        model.shakesProperty().addListener((obs, old, count) -> shake());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                password.requestFocus();
            }
        });
    }

    private void shake() {
        TranslateTransition shake = new TranslateTransition(Duration.millis(60), password);
        shake.setFromX(0);
        shake.setByX(12);
        shake.setCycleCount(6);
        shake.setAutoReverse(true);
        shake.setInterpolator(Interpolator.EASE_BOTH);
        shake.setOnFinished(event -> password.setTranslateX(0));
        shake.play();
        password.requestFocus();
    }
}
