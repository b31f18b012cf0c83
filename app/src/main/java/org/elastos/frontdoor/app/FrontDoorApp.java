package org.elastos.frontdoor.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The app's window, on desktop and (through GluonFX) on mobile. {@code --data=DIR} names the folder that holds this
 * person's identities; without it, the platform's user data folder is used (on Android and iOS, GluonFX points
 * {@code user.home} into the app's private storage).
 */
public final class FrontDoorApp extends Application {
    private AppViewModel model;
    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        Path data = Optional.ofNullable(getParameters().getNamed().get("data")).map(Path::of).orElseGet(DataFolder::forThisUser);
        tasks = new FxTaskRunner();
        model = new AppViewModel(new IdentityDirectory(data), tasks, ReleaseChannel.ofThisBuild(data.resolve("downloads")));
        model.start();
        AppView view = new AppView(model, null, AttachCamera.ofThisPlatform());
        stage.setTitle(Strings.get("app.title"));
        stage.setScene(view.scene());
        stage.setMinWidth(420);
        stage.setMinHeight(640);
        stage.show();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    /** Blocks until the window closes. */
    public static void launch(Path dataDir) {
        Application.launch(FrontDoorApp.class, "--data=" + dataDir.toAbsolutePath());
    }
}
