package org.elastos.frontdoor.views;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import org.elastos.frontdoor.views.lock.LockView;
import org.elastos.frontdoor.views.lock.LockViewModel;
import org.elastos.frontdoor.views.onboarding.OnboardingView;
import org.elastos.frontdoor.views.onboarding.OnboardingViewModel;
import org.elastos.frontdoor.views.shell.ShellView;
import org.elastos.frontdoor.views.shell.ShellViewModel;

import java.security.SecureRandom;

/** The root of the window: shows onboarding, the lock screen or the shell, as the app model says. */
public final class AppView extends StackPane {
    public static final String STYLESHEET = AppView.class.getResource("theme.css").toExternalForm();

    private final AppViewModel model;

    public AppView(AppViewModel model) {
        this.model = model;
        setId("app-root");
        getStylesheets().add(STYLESHEET);
        model.screenProperty().addListener((obs, old, screen) -> show(screen));
        model.darkThemeProperty().addListener((obs, old, dark) -> applyTheme(dark));
        applyTheme(model.darkThemeProperty().get());
        addEventFilter(InputEvent.ANY, event -> model.recordActivity());
        show(model.screenProperty().get());
    }

    /** A scene sized for a laptop window; the layout also works down to phone widths. */
    public Scene scene() {
        Scene scene = new Scene(this, 1100, 760);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    private void show(AppViewModel.Screen screen) {
        Node content = switch (screen) {
            case ONBOARDING -> new OnboardingView(new OnboardingViewModel(model, new SecureRandom()));
            case LOCKED -> new LockView(new LockViewModel(model), model.identityProperty().get());
            case SHELL -> new ShellView(new ShellViewModel(model), model.identityProperty().get());
        };
        getChildren().setAll(content);
    }

    private void applyTheme(boolean dark) {
        getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
        }
    }
}
