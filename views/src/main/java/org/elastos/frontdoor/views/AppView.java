package org.elastos.frontdoor.views;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.elastos.frontdoor.views.lock.LockView;
import org.elastos.frontdoor.views.lock.LockViewModel;
import org.elastos.frontdoor.views.onboarding.OnboardingView;
import org.elastos.frontdoor.views.onboarding.OnboardingViewModel;
import org.elastos.frontdoor.views.pair.Camera;
import org.elastos.frontdoor.views.shell.ShellView;
import org.elastos.frontdoor.views.shell.ShellViewModel;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Supplier;

/** The root of the window: shows onboarding, the lock screen or the shell, as the app model says. */
public final class AppView extends StackPane {
    /** Where the picture dialog opens first (the demo points it at its box's pairing code). */
    public static final String PICTURE_FOLDER_PROPERTY = "frontdoor.pictures";
    public static final String STYLESHEET = AppView.class.getResource("theme.css").toExternalForm();

    private final AppViewModel model;
    private final Supplier<Optional<Path>> choosePicture;
    private final Optional<Camera> camera;

    public AppView(AppViewModel model) {
        this(model, null);
    }

    /**
     * @param choosePicture asks for a picture file; null for the platform's file dialog (tests pass their own, since
     *     a native dialog cannot be driven)
     */
    public AppView(AppViewModel model, Supplier<Optional<Path>> choosePicture) {
        this(model, choosePicture, Optional.empty());
    }

    /** @param camera the platform's camera, where it has one (phones); Pair offers it to photograph the box's code */
    public AppView(AppViewModel model, Supplier<Optional<Path>> choosePicture, Optional<Camera> camera) {
        this.model = model;
        this.camera = camera;
        this.choosePicture = choosePicture != null ? choosePicture : this::pictureFromDialog;
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
        if (!getChildren().isEmpty() && getChildren().get(0) instanceof ShellView leaving) {
            leaving.shutdown();
        }
        Node content = switch (screen) {
            case ONBOARDING -> new OnboardingView(new OnboardingViewModel(model, new SecureRandom()));
            case LOCKED -> new LockView(new LockViewModel(model), model.identityProperty().get());
            case SHELL -> new ShellView(new ShellViewModel(model), model.identityProperty().get(), choosePicture, camera);
        };
        getChildren().setAll(content);
    }

    private Optional<Path> pictureFromDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Strings.get("pair.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
        Optional.ofNullable(System.getProperty(PICTURE_FOLDER_PROPERTY)).map(File::new).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    private void applyTheme(boolean dark) {
        getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
        }
    }
}
