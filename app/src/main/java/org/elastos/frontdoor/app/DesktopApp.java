package org.elastos.frontdoor.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;

import java.nio.file.Path;

/** The desktop window. Launched with {@code --data=DIR}, the folder that holds this person's identities. */
public final class DesktopApp extends Application {
    private AppViewModel model;
    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        String data = getParameters().getNamed().get("data");
        if (data == null) {
            throw new IllegalStateException("DesktopApp needs --data=DIR");
        }
        tasks = new FxTaskRunner();
        model = new AppViewModel(new IdentityDirectory(Path.of(data)), tasks);
        model.start();
        AppView view = new AppView(model);
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
        Application.launch(DesktopApp.class, "--data=" + dataDir.toAbsolutePath());
    }
}
