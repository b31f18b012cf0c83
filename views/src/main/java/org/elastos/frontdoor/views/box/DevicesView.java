package org.elastos.frontdoor.views.box;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Devices: every device the box knows, with its name, DID and when it was last seen; an owner approves and revokes. */
public final class DevicesView extends ScrollPane {
    private final BoxViewModel model;
    private final VBox list = new VBox(12);

    public DevicesView(BoxViewModel model, Runnable back) {
        this.model = model;
        setId("devices");
        setFitToWidth(true);
        list.setId("device-list");
        Label message = Widgets.styled(new Label(), "muted");
        message.setId("devices-message");
        message.textProperty().bind(model.messageProperty());
        Button home = Widgets.button("devices-back", Strings.get("devices.back"), back);
        VBox page = new VBox(20, Widgets.title(Strings.get("devices.title", model.nameProperty().get())),
                Widgets.body(Strings.get("devices.intro")), list, message, home);
        page.getStyleClass().add("page");
        setContent(page);
        model.devices().addListener((ListChangeListener<BoxClient.DeviceInfo>) change -> show());
        show();
        model.loadDevices();
    }

    private void show() {
        list.getChildren().clear();
        int index = 0;
        for (BoxClient.DeviceInfo device : model.devices()) {
            Label name = Widgets.styled(new Label(device.name()), "subtitle");
            Label did = Widgets.styled(new Label(device.did().value()), "mono");
            did.setWrapText(true);
            Label facts = Widgets.styled(new Label(Strings.get("devices.facts", Strings.get("devices.role." + device.role()),
                    Strings.get("devices.state." + device.state()), when(device.lastSeen()))), "muted");
            VBox text = new VBox(4, name, did, facts);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(12, text);
            row.setId("device-" + index);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("card");
            if (device.state().equals("pending")) {
                row.getChildren().add(Widgets.primary("approve-" + index, Strings.get("box.device.approve"), () -> model.approve(device.did())));
            }
            if (!device.role().equals("owner") && !device.state().equals("revoked")) {
                row.getChildren().add(Widgets.button("revoke-" + index, Strings.get("box.device.revoke"), () -> model.revoke(device.did())));
            }
            list.getChildren().add(row);
            index++;
        }
    }

    private static String when(String instant) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault())
                    .format(Instant.parse(instant));
        } catch (RuntimeException unreadable) {
            return instant;
        }
    }
}
