package org.elastos.frontdoor.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.pair.PairView;
import org.elastos.frontdoor.views.store.StoreSetup;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The app's window, on desktop and (through GluonFX) on mobile. {@code --data=DIR} names the folder that holds this
 * person's identities; without it, the platform's user data folder is used (on Android and iOS, GluonFX points
 * {@code user.home} into the app's private storage).
 */
public final class FrontDoorApp extends Application {
    /** What opening an identity does besides (the demo funds its account); set before the window opens. */
    private static volatile Optional<Consumer<EvmAddress>> onIdentity = Optional.empty();

    private AppViewModel model;
    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        Path data = Optional.ofNullable(getParameters().getNamed().get("data")).map(Path::of).orElseGet(DataFolder::forThisUser);
        tasks = new FxTaskRunner();
        model = new AppViewModel(new IdentityDirectory(data), tasks, ReleaseChannel.ofThisBuild(data.resolve("downloads")));
        prepare(model, data, Optional.ofNullable(System.getProperty(PairView.RELAY_PROPERTY)), onIdentity);
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

    /**
     * What the app is told besides its data folder: the Store looks at the development chain recorded there (the
     * demo's, or one `frontdoor chain dev` started), through {@code relay} ({@code host:port}), since no market is
     * deployed on a public chain yet; and each identity opened is handed to {@code whenOpened}.
     */
    public static void prepare(AppViewModel model, Path data, Optional<String> relay, Optional<Consumer<EvmAddress>> whenOpened) {
        List<URI> relays = relay.filter(v -> !v.isBlank()).map(at -> List.of(URI.create("relay://" + at.strip()))).orElse(List.of());
        model.useStore(new StoreSetup(new ChainChoice("dev", Optional.empty(), Optional.empty(), data), BigInteger.ZERO, relays));
        whenOpened.ifPresent(tell -> model.identityProperty().addListener((obs, old, identity) -> {
            if (identity != null) {
                tell.accept(identity.evmAddress());
            }
        }));
    }

    /** Blocks until the window closes. */
    public static void launch(Path dataDir) {
        launch(dataDir, Optional.empty());
    }

    /** @param whenOpened told the account of each identity opened (made, restored or unlocked) */
    public static void launch(Path dataDir, Optional<Consumer<EvmAddress>> whenOpened) {
        onIdentity = whenOpened;
        Application.launch(FrontDoorApp.class, "--data=" + dataDir.toAbsolutePath());
    }
}
