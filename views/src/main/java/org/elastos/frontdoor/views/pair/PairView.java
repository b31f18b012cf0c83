package org.elastos.frontdoor.views.pair;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** Pair: every way a person may have the box's invite, then the box's name and fingerprint to confirm. */
public final class PairView extends ScrollPane {
    /** The relay the typed-code field starts with (the demo sets its own). */
    public static final String RELAY_PROPERTY = "frontdoor.relay";
    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");

    private final PairViewModel model;

    /**
     * @param choosePicture asks the person for a picture file (a file dialog on desktops)
     * @param openHome shows Home once the box is paired
     */
    public PairView(PairViewModel model, Supplier<Optional<Path>> choosePicture, Optional<Camera> camera, Runnable openHome) {
        this.model = model;
        setId("pair");
        setFitToWidth(true);

        Label intro = Widgets.body(Strings.get("pair.intro"));
        Button choose = Widgets.primary("pair-choose", Strings.get("pair.choose"), () -> choosePicture.get().ifPresent(model::usePicture));
        Button paste = Widgets.button("pair-paste", Strings.get("pair.paste"), this::paste);
        HBox pictureButtons = new HBox(12, choose, paste);
        camera.ifPresent(present -> pictureButtons.getChildren().add(0, Widgets.primary("pair-camera", Strings.get("pair.camera"),
                () -> present.takePhoto().map(PairView::toBufferedImage).ifPresent(model::usePicture))));
        Label dropHint = Widgets.styled(new Label(Strings.get("pair.drop")), "muted");
        VBox dropZone = new VBox(12, dropHint, pictureButtons);
        dropZone.setId("pair-drop");
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setAlignment(Pos.CENTER);
        dropZone.setOnDragOver(this::acceptDrag);
        dropZone.setOnDragDropped(this::drop);

        TextField link = new TextField();
        link.setId("pair-link");
        link.setPromptText(Strings.get("pair.link.prompt"));
        HBox.setHgrow(link, Priority.ALWAYS);
        Button useLink = Widgets.button("pair-use-link", Strings.get("pair.link.use"), () -> model.useLink(link.getText()));
        link.setOnAction(event -> model.useLink(link.getText()));
        HBox linkRow = new HBox(12, link, useLink);
        linkRow.setAlignment(Pos.CENTER_LEFT);

        TextField code = new TextField();
        code.setId("pair-code");
        code.setPromptText(Strings.get("pair.code.prompt"));
        code.setPrefColumnCount(16);
        TextField relay = new TextField(System.getProperty(RELAY_PROPERTY, ""));
        relay.setId("pair-relay");
        relay.setPromptText(Strings.get("pair.relay.prompt"));
        HBox.setHgrow(relay, Priority.ALWAYS);
        Button useCode = Widgets.button("pair-use-code", Strings.get("pair.code.use"), () -> model.useCode(code.getText(), relay.getText()));
        code.setOnAction(event -> model.useCode(code.getText(), relay.getText()));
        HBox codeRow = new HBox(12, code, relay, useCode);
        codeRow.setAlignment(Pos.CENTER_LEFT);

        VBox source = new VBox(16, intro, dropZone, Widgets.styled(new Label(Strings.get("pair.link.label")), "field-label"), linkRow,
                Widgets.styled(new Label(Strings.get("pair.code.label")), "field-label"), codeRow);
        source.getStyleClass().add("card");

        Label boxName = Widgets.styled(new Label(), "subtitle");
        boxName.setId("pair-box-name");
        Label fingerprint = Widgets.styled(new Label(), "fingerprint");
        fingerprint.setId("pair-fingerprint");
        Label compare = Widgets.body(Strings.get("pair.compare"));
        Button confirm = Widgets.primary("pair-confirm", Strings.get("pair.confirm"), model::confirm);
        Button notThis = Widgets.button("pair-cancel", Strings.get("pair.cancel"), model::startOver);
        VBox confirmCard = new VBox(12, Widgets.styled(new Label(Strings.get("pair.confirm.title")), "field-label"),
                boxName, fingerprint, compare, new HBox(12, confirm, notThis));
        confirmCard.getStyleClass().add("card");

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("pair-progress");
        progress.setMaxSize(28, 28);
        Label message = Widgets.body("");
        message.setId("pair-message");
        message.textProperty().bind(model.messageProperty());
        HBox status = new HBox(12, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);
        Button home = Widgets.primary("pair-open-home", Strings.get("pair.openHome"), openHome);

        VBox page = new VBox(20, Widgets.title(Strings.get("pair.title")), source, confirmCard, status, home);
        page.getStyleClass().add("page");
        setContent(page);

        Runnable refresh = () -> {
            PairViewModel.Status now = model.statusProperty().get();
            boolean confirming = now == PairViewModel.Status.CONFIRM || now == PairViewModel.Status.PAIRING;
            confirmCard.setVisible(confirming);
            confirmCard.setManaged(confirming);
            confirm.setDisable(now != PairViewModel.Status.CONFIRM);
            boolean working = now == PairViewModel.Status.PAIRING || now == PairViewModel.Status.LOOKING_UP;
            progress.setVisible(working);
            progress.setManaged(working);
            message.getStyleClass().remove("error");
            if (now == PairViewModel.Status.FAILED) {
                message.getStyleClass().add("error");
            }
            boolean done = now == PairViewModel.Status.PAIRED || now == PairViewModel.Status.PENDING;
            home.setVisible(done);
            home.setManaged(done);
            source.setDisable(working);
            if (model.inviteProperty().get() != null) {
                boxName.setText(model.inviteProperty().get().boxName());
                fingerprint.setText(Strings.get("pair.fingerprint", model.inviteProperty().get().fingerprint()));
            }
        };
        model.statusProperty().addListener((obs, old, now) -> {
            refresh.run();
            if (now != PairViewModel.Status.WAITING) {
                // The box to confirm, or the outcome, sits below the ways in: bring it into view.
                Platform.runLater(() -> {
                    layout();
                    setVvalue(getVmax());
                });
            }
        });
        model.inviteProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (PASTE.match(event) && !(event.getTarget() instanceof TextField)) {
                paste();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                model.startOver();
            }
        });
    }

    /** The clipboard may hold a picture of the code, a copied file, or the link as text. */
    private void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasImage()) {
            model.usePicture(toBufferedImage(clipboard.getImage()));
        } else if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
            model.usePicture(clipboard.getFiles().get(0).toPath());
        } else {
            model.useLink(clipboard.getString());
        }
    }

    private void acceptDrag(DragEvent event) {
        if (event.getDragboard().hasFiles() || event.getDragboard().hasString() || event.getDragboard().hasImage()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void drop(DragEvent event) {
        var board = event.getDragboard();
        if (board.hasFiles() && !board.getFiles().isEmpty()) {
            model.usePicture(board.getFiles().get(0).toPath());
        } else if (board.hasImage()) {
            model.usePicture(toBufferedImage(board.getImage()));
        } else if (board.hasString()) {
            model.useLink(board.getString());
        }
        event.setDropCompleted(true);
        event.consume();
    }

    /** JavaFX and AWT images without the javafx.swing module: copy the pixels. */
    static BufferedImage toBufferedImage(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y) & 0xFFFFFF);
            }
        }
        return copy;
    }
}
