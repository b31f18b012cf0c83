package org.elastos.frontdoor.views.release;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The "Verify a download" card: two files, by picker or drag and drop, and a verdict a person can act on. */
public final class VerifyDownloadView extends VBox {
    private final VerifyDownloadViewModel model;

    public VerifyDownloadView(VerifyDownloadViewModel model) {
        super(12);
        this.model = model;
        setId("verify-download");
        getStyleClass().add("card");

        TextField publisher = new TextField();
        publisher.setId("verify-publisher");
        publisher.setPromptText("did:key:z6Mk\u2026");
        publisher.textProperty().bindBidirectional(model.publisherProperty());

        Label verdict = new Label();
        verdict.setId("verify-result");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.messageProperty());
        model.verdictProperty().addListener((obs, old, value) -> verdict.getStyleClass().setAll("label",
                value == VerifyDownloadViewModel.Verdict.VERIFIED ? "success" : "error"));
        verdict.managedProperty().bind(Bindings.isNotEmpty(verdict.textProperty()));

        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(24, 24);
        working.visibleProperty().bind(model.busyProperty());
        Button verify = Widgets.primary("verify-run", Strings.get("verify.run"), model::verify);
        verify.disableProperty().bind(model.busyProperty().or(model.installerProperty().isNull()).or(model.manifestProperty().isNull()));
        HBox actions = new HBox(12, verify, working);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(Widgets.styled(new Label(Strings.get("verify.title")), "subtitle"),
                Widgets.body(Strings.get("verify.body")),
                fileRow("verify-installer", Strings.get("verify.installer"), model.installerProperty(), null),
                fileRow("verify-manifest", Strings.get("verify.manifest"), model.manifestProperty(),
                        new FileChooser.ExtensionFilter("Release manifest", "*.json")),
                new VBox(6, Widgets.styled(new Label(Strings.get("verify.publisher")), "field-label"), publisher),
                actions, verdict);

        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean taken = event.getDragboard().hasFiles();
            if (taken) {
                accept(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(taken);
            event.consume();
        });
    }

    /** Files dropped on the card (or handed over by the platform): a .json is the manifest, the rest the installer. */
    public void accept(List<Path> files) {
        files.forEach(model::take);
    }

    private HBox fileRow(String id, String label, ObjectProperty<Path> file, FileChooser.ExtensionFilter filter) {
        Label name = Widgets.styled(new Label(), "identity-value");
        name.setId(id + "-name");
        name.textProperty().bind(Bindings.createStringBinding(
                () -> file.get() == null ? Strings.get("verify.none") : file.get().getFileName().toString(), file));
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Button pick = Widgets.button(id + "-pick", Strings.get("verify.pick"), () -> { });
        pick.getStyleClass().add("small");
        pick.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(label);
            if (filter != null) {
                chooser.getExtensionFilters().add(filter);
            }
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                file.set(chosen.toPath());
            }
        });
        Label key = Widgets.styled(new Label(label), "identity-key");
        HBox row = new HBox(12, key, name, pick);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
