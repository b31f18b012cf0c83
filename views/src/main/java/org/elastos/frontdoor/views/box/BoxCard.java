package org.elastos.frontdoor.views.box;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Home's box card: status and path, the box's folders to browse and download from, and its devices for an owner. */
public final class BoxCard extends VBox {
    private final BoxViewModel model;

    public BoxCard(BoxViewModel model, Runnable pairBox, Runnable openDevices) {
        super(12);
        this.model = model;
        setId("home-box");
        getStyleClass().add("card");
        getChildren().add(Widgets.styled(new Label(Strings.get("home.box")), "subtitle"));
        if (!model.isPaired()) {
            Label none = Widgets.body(Strings.get("home.box.none"));
            none.setId("home-box-status");
            getChildren().addAll(none, Widgets.primary("home-pair", Strings.get("home.box.pair"), pairBox));
            return;
        }

        Label name = Widgets.styled(new Label(), "field-label");
        name.setId("home-box-name");
        name.textProperty().bind(model.nameProperty());
        Label status = new Label();
        status.setId("home-box-status");
        status.textProperty().bind(model.detailProperty());
        status.setWrapText(true);
        model.statusProperty().addListener((obs, old, now) -> {
            status.getStyleClass().removeAll("box-online", "box-offline");
            status.getStyleClass().add(now == BoxViewModel.Status.ONLINE ? "box-online"
                    : now == BoxViewModel.Status.OFFLINE ? "box-offline" : "muted");
        });
        Button refresh = Widgets.button("box-refresh", Strings.get("box.refresh"), model::refresh);
        Button devices = Widgets.button("box-devices", Strings.get("box.devices"), openDevices);
        devices.setVisible(model.isOwner());
        devices.setManaged(model.isOwner());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(4, name, status), spacer, refresh, devices);
        header.setAlignment(Pos.CENTER_LEFT);

        Label folder = Widgets.styled(new Label(), "muted");
        folder.setId("box-folder");
        folder.textProperty().bind(model.folderProperty().map(path -> path.isEmpty() ? "/" : "/" + path));
        Button up = Widgets.button("box-up", Strings.get("box.up"), model::up);
        up.disableProperty().bind(model.folderProperty().isEmpty());
        ListView<BoxClient.Entry> entries = new ListView<>(model.entries());
        entries.setId("box-entries");
        entries.setPrefHeight(220);
        entries.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BoxClient.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null
                        : entry.folder() ? entry.name() + "/" : entry.name() + "  \u00b7  " + size(entry.size()));
            }
        });
        entries.setOnMouseClicked(event -> {
            BoxClient.Entry chosen = entries.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                model.open(chosen);
            }
        });
        entries.setOnKeyPressed(event -> {
            BoxClient.Entry chosen = entries.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getCode() == KeyCode.ENTER) {
                model.open(chosen);
            } else if (event.getCode() == KeyCode.BACK_SPACE) {
                model.up();
            }
        });
        Button download = Widgets.button("box-download", Strings.get("box.download"), () -> {
            BoxClient.Entry chosen = entries.getSelectionModel().getSelectedItem();
            if (chosen != null && !chosen.folder()) {
                model.download(chosen, downloads().resolve(chosen.name()));
            }
        });
        Button upload = Widgets.button("box-upload", Strings.get("box.upload"), () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Strings.get("box.upload"));
            File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                model.upload(chosen.toPath());
            }
        });
        upload.disableProperty().bind(model.folderProperty().isEmpty());
        ProgressBar progress = new ProgressBar();
        progress.setId("box-progress");
        progress.progressProperty().bind(model.progressProperty());
        Button cancel = Widgets.button("box-cancel", Strings.get("box.download.cancel"), model::cancelTransfer);
        progress.visibleProperty().bind(model.progressProperty().greaterThanOrEqualTo(0));
        cancel.visibleProperty().bind(progress.visibleProperty());
        HBox transfer = new HBox(12, download, upload, progress, cancel);
        transfer.setAlignment(Pos.CENTER_LEFT);
        Label message = Widgets.styled(new Label(), "muted");
        message.setId("box-message");
        message.textProperty().bind(model.messageProperty());


        HBox place = new HBox(12, up, folder);
        place.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, place, entries, transfer, message);
        model.refresh();
    }

    private static Path downloads() {
        Path downloads = Path.of(System.getProperty("user.home"), "Downloads");
        return Files.isDirectory(downloads) ? downloads : Path.of(System.getProperty("user.home"));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
