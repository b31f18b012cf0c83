package org.elastos.frontdoor.views.shell;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.views.capsules.CapsulesView;
import org.elastos.frontdoor.views.capsules.CapsulesViewModel;
import org.elastos.frontdoor.views.release.UpdateView;
import org.elastos.frontdoor.views.release.UpdateViewModel;
import org.elastos.frontdoor.views.release.VerifyDownloadView;
import org.elastos.frontdoor.views.release.VerifyDownloadViewModel;

import java.time.Duration;
import java.util.List;

/** Settings: theme, auto-lock, lock now, another identity, updates, capsules, and verifying a download. */
final class SettingsView extends ScrollPane {
    private static final List<Duration> AUTO_LOCK_CHOICES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60));

    SettingsView(AppViewModel app) {
        setId("settings");
        setFitToWidth(true);

        CheckBox dark = new CheckBox(Strings.get("settings.theme"));
        dark.setId("settings-dark");
        dark.selectedProperty().bindBidirectional(app.darkThemeProperty());

        ChoiceBox<Duration> autoLock = new ChoiceBox<>();
        autoLock.setId("settings-autolock");
        autoLock.getItems().setAll(AUTO_LOCK_CHOICES);
        if (!AUTO_LOCK_CHOICES.contains(app.autoLockProperty().get())) {
            autoLock.getItems().add(app.autoLockProperty().get());
        }
        autoLock.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration duration) {
                return duration == null ? "" : AUTO_LOCK_CHOICES.contains(duration)
                        ? Strings.get("settings.autolock." + duration.toMinutes()) : duration.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        });
        autoLock.valueProperty().bindBidirectional(app.autoLockProperty());
        HBox autoLockRow = new HBox(12, Widgets.styled(new Label(Strings.get("settings.autolock")), "field-label"), autoLock);
        autoLockRow.setStyle("-fx-alignment: center-left;");

        Label vaultPath = Widgets.styled(new Label(app.wallet().map(w -> w.vault().file().toString()).orElse("")), "identity-value");
        vaultPath.setWrapText(true);

        VBox card = new VBox(16, dark, autoLockRow,
                new HBox(10, Widgets.button("settings-lock", Strings.get("settings.lock"), app::lock),
                        Widgets.button("settings-add-identity", Strings.get("settings.add"), app::addIdentity)),
                new VBox(4, Widgets.styled(new Label(Strings.get("settings.vault")), "identity-key"), vaultPath));
        card.getStyleClass().add("card");
        VBox page = new VBox(20, Widgets.title(Strings.get("settings.title")), card,
                new UpdateView(new UpdateViewModel(app.tasks(), app.releaseChannel())),
                new CapsulesView(new CapsulesViewModel(app.identities().root(), app.tasks())),
                new VerifyDownloadView(new VerifyDownloadViewModel(app.tasks())));
        page.getStyleClass().add("page");
        setContent(page);
    }
}
