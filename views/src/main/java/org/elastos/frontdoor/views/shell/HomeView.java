package org.elastos.frontdoor.views.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.elastos.frontdoor.views.QrCode;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.views.box.BoxCard;
import org.elastos.frontdoor.views.box.BoxViewModel;
import org.elastos.frontdoor.wallet.Identity;

/** Home: the identity card (DIDs, account, a QR code of the DID, copy buttons) and the home box status. */
final class HomeView extends ScrollPane {
    HomeView(Identity identity, BoxViewModel box, Runnable pairBox, Runnable openDevices) {
        setId("home");
        setFitToWidth(true);

        VBox rows = new VBox(
                row("identity-did", Strings.get("home.did"), identity.did().value()),
                row("identity-evm", Strings.get("home.evm"), identity.evmAddress().value()),
                row("identity-elastos", Strings.get("home.elastos"), identity.elastosDid().value()),
                row("identity-device", Strings.get("home.device"), identity.deviceDid().value()));
        HBox.setHgrow(rows, Priority.ALWAYS);

        ImageView qr = new ImageView(QrCode.of(identity.did().value(), 220));
        qr.setId("identity-qr");
        qr.setFitWidth(180);
        qr.setFitHeight(180);
        qr.setSmooth(false);
        StackPane qrFrame = new StackPane(qr);
        qrFrame.getStyleClass().add("qr-frame");
        VBox qrBox = new VBox(8, qrFrame, Widgets.styled(new Label(Strings.get("home.qr")), "muted"));
        qrBox.setAlignment(Pos.TOP_CENTER);

        FlowPane identityBody = new FlowPane(24, 16, rows, qrBox);
        rows.setPrefWidth(470);
        VBox identityCard = new VBox(12, Widgets.styled(new Label(Strings.get("home.title")), "subtitle"), identityBody);
        identityCard.getStyleClass().add("card");

        BoxCard boxCard = new BoxCard(box, pairBox, openDevices);

        VBox page = new VBox(20, Widgets.title(Strings.get("nav.HOME")), identityCard, boxCard);
        page.getStyleClass().add("page");
        setContent(page);
    }

    private static HBox row(String id, String key, String value) {
        Label keyLabel = Widgets.styled(new Label(key), "identity-key");
        Label valueLabel = Widgets.styled(new Label(value), "identity-value");
        valueLabel.setId(id);
        valueLabel.setWrapText(true);
        valueLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(valueLabel, Priority.ALWAYS);
        Button copy = Widgets.button(id + "-copy", Strings.get("home.copy"), () -> { });
        copy.getStyleClass().add("small");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(Strings.get("home.copied"));
            PauseTransition reset = new PauseTransition(Duration.seconds(1.5));
            reset.setOnFinished(done -> copy.setText(Strings.get("home.copy")));
            reset.play();
        });
        HBox row = new HBox(keyLabel, valueLabel, copy);
        row.getStyleClass().add("identity-row");
        return row;
    }
}
