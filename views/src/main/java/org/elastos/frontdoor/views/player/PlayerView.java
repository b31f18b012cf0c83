package org.elastos.frontdoor.views.player;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The player: the picture, and under it play and pause, a seek bar with what is buffered, elapsed and remaining
 * time, volume and full screen. Keys: space plays and pauses, left and right seek 10 s, up and down change the
 * volume, F toggles full screen, Esc leaves full screen and then the player. A tap on the picture plays and pauses.
 * Refusals come in words, with the next step (Buy, Try again).
 */
public final class PlayerView extends BorderPane {
    private static final double SEEK_STEP = 10;
    private static final double NARROW = 560;
    /** How close to the end counts as the end. */
    private static final double END_MARGIN = 0.2;

    private final PlayerViewModel model;
    private final MediaView picture = new MediaView();
    private final Slider seek = new Slider(0, 1, 0);
    private final ProgressBar buffered = new ProgressBar(0);
    private final Slider volume = new Slider(0, 1, 0.8);
    private final Label elapsed = Widgets.styled(new Label("0:00"), "player-time");
    private final Label remaining = Widgets.styled(new Label(""), "player-time");
    private final Button playPause = Widgets.primary("player-play", Strings.get("player.pause"), this::toggle);
    private final Runnable back;
    private MediaPlayer player;
    private boolean seeking;
    private boolean atEnd;

    /**
     * @param back leaves the player (it is closed first)
     * @param buy  opens the purchase of this film, offered when the person does not own it yet
     */
    public PlayerView(PlayerViewModel model, Runnable back, Consumer<PlayerViewModel> buy) {
        this.model = model;
        setId("player");
        elapsed.setId("player-elapsed");
        remaining.setId("player-remaining");
        getStyleClass().add("player");

        this.back = () -> {
            model.close();
            back.run();
        };
        Button leave = Widgets.link("player-back", "\u2190 " + Strings.get("player.back"), this.back);
        Label title = Widgets.styled(new Label(model.offer().title()), "subtitle");
        HBox top = new HBox(16, leave, title);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("player-bar");
        setTop(top);

        picture.setId("player-picture");
        picture.setPreserveRatio(true);
        StackPane stage = new StackPane(picture);
        stage.getStyleClass().add("player-stage");
        stage.setMinHeight(0);
        picture.fitWidthProperty().bind(stage.widthProperty());
        picture.fitHeightProperty().bind(stage.heightProperty());
        stage.setOnMouseClicked(event -> toggle());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label message = Widgets.styled(new Label(), "player-message");
        message.setId("player-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.textProperty().bind(model.messageProperty());
        Button tryAgain = Widgets.button("player-again", Strings.get("player.try-again"), model::start);
        Button buyIt = Widgets.primary("player-buy", "", () -> buy.accept(model));
        buyIt.textProperty().bind(Bindings.createStringBinding(() -> Strings.get("store.buy", model.priceProperty().get()),
                model.priceProperty()));
        HBox actions = new HBox(10, tryAgain);
        actions.setAlignment(Pos.CENTER);
        VBox overlay = new VBox(14, spinner, message, actions);
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("player-overlay");
        overlay.setMouseTransparent(false);
        spinner.visibleProperty().bind(model.stateProperty().isEqualTo(PlayerViewModel.State.CHECKING)
                .or(model.stateProperty().isEqualTo(PlayerViewModel.State.STARTING)));
        spinner.managedProperty().bind(spinner.visibleProperty());
        actions.visibleProperty().bind(model.stateProperty().isEqualTo(PlayerViewModel.State.REFUSED));
        actions.managedProperty().bind(actions.visibleProperty());
        overlay.visibleProperty().bind(model.stateProperty().isNotEqualTo(PlayerViewModel.State.READY));
        model.refusalProperty().addListener((obs, old, why) -> {
            actions.getChildren().setAll(why == PlayerViewModel.Refusal.NOT_OWNED ? buyIt : tryAgain);
        });
        stage.getChildren().add(overlay);
        setCenter(stage);

        seek.setId("player-seek");
        seek.getStyleClass().add("player-seek");
        buffered.setId("player-buffered");
        buffered.getStyleClass().add("player-buffered");
        buffered.setMaxWidth(Double.MAX_VALUE);
        buffered.setMouseTransparent(true);
        StackPane seekBar = new StackPane(buffered, seek);
        HBox.setHgrow(seekBar, Priority.ALWAYS);
        seek.maxProperty().bind(model.durationProperty());
        seek.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                seekTo(seek.getValue());
            }
        });
        seek.setOnMouseReleased(event -> seekTo(seek.getValue()));
        remaining.setText(model.remaining(0));
        volume.setId("player-volume");
        volume.setPrefWidth(110);
        volume.setAccessibleText(Strings.get("player.volume"));
        Button full = Widgets.button("player-full", Strings.get("player.full-screen"), this::toggleFullScreen);
        full.setMinWidth(Region.USE_PREF_SIZE);
        playPause.setMinWidth(Region.USE_PREF_SIZE);
        // At a phone's width the volume is the device's own buttons' job; the seek bar gets the room.
        volume.visibleProperty().bind(widthProperty().greaterThan(NARROW));
        volume.managedProperty().bind(volume.visibleProperty());
        HBox controls = new HBox(12, playPause, elapsed, seekBar, remaining, volume, full);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("player-controls");
        controls.disableProperty().bind(model.stateProperty().isNotEqualTo(PlayerViewModel.State.READY));
        setBottom(controls);

        model.sourceProperty().addListener((obs, old, uri) -> {
            if (uri == null) {
                dispose();
            } else {
                play(uri);
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        setFocusTraversable(true);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                model.close();
            } else {
                Platform.runLater(this::requestFocus);
            }
        });
        model.stateProperty().addListener((obs, old, state) -> {
            if (state == PlayerViewModel.State.READY) {
                requestFocus();
            }
        });
    }

    private void play(URI uri) {
        dispose();
        player = new MediaPlayer(new Media(uri.toString()));
        player.volumeProperty().bind(volume.valueProperty());
        player.currentTimeProperty().addListener((obs, old, now) -> {
            double seconds = Math.min(now.toSeconds(), model.durationProperty().get());
            if (now.toSeconds() >= model.durationProperty().get() - END_MARGIN && !atEnd) {
                // Our metadata says where the film ends; the platform player may run on into the bridge's pad.
                atEnd = true;
                player.pause();
            }
            if (!seek.isValueChanging() && !seeking) {
                seek.setValue(seconds);
            }
            elapsed.setText(model.elapsed(seconds));
            remaining.setText(model.remaining(seconds));
        });
        player.bufferProgressTimeProperty().addListener((obs, old, ahead) -> {
            double length = model.durationProperty().get();
            buffered.setProgress(length <= 0 || ahead == null ? 0 : Math.min(1, ahead.toSeconds() / length));
        });
        player.statusProperty().addListener((obs, old, status) -> playPause.setText(
                Strings.get(status == MediaPlayer.Status.PLAYING && !atEnd ? "player.pause" : "player.play")));
        MediaPlayer playing = player;
        player.setOnError(() -> model.playerFailed(String.valueOf(playing.getError()), noSoundDevice(playing)));
        player.setOnEndOfMedia(() -> {
            atEnd = true;
            player.pause();
        });
        picture.setMediaPlayer(player);
        player.setAutoPlay(true);
    }

    /** JavaFX says so in its message only: a film with sound needs a sound device to play at all. */
    private static boolean noSoundDevice(MediaPlayer player) {
        return player.getError() != null && String.valueOf(player.getError().getMessage()).contains("audio device");
    }

    private void seekTo(double seconds) {
        if (player != null) {
            seeking = true;
            double target = model.seekTarget(seconds);
            atEnd = false;
            seek.setValue(target);
            player.seek(Duration.seconds(target));
            seeking = false;
        }
    }

    private void toggle() {
        if (player == null) {
            return;
        }
        MediaPlayer.Status status = player.getStatus();
        if ((status == MediaPlayer.Status.PLAYING || status == MediaPlayer.Status.STALLED) && !atEnd) {
            player.pause();
        } else {
            if (atEnd) {
                atEnd = false;
                player.seek(Duration.ZERO);
            }
            player.play();
        }
    }

    private void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage window) {
            window.setFullScreen(!window.isFullScreen());
        }
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        boolean handled = true;
        switch (code) {
            case SPACE, K -> toggle();
            case LEFT -> seekTo(position() - SEEK_STEP);
            case RIGHT -> seekTo(position() + SEEK_STEP);
            case UP -> volume.setValue(Math.min(1, volume.getValue() + 0.1));
            case DOWN -> volume.setValue(Math.max(0, volume.getValue() - 0.1));
            case F -> toggleFullScreen();
            case ESCAPE -> {
                if (getScene() != null && getScene().getWindow() instanceof Stage window && window.isFullScreen()) {
                    window.setFullScreen(false);
                } else {
                    back.run();
                }
            }
            default -> handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    private double position() {
        return player == null ? 0 : player.getCurrentTime().toSeconds();
    }

    /** The platform player; tests read its state. Null until the film is ready. */
    public MediaPlayer mediaPlayer() {
        return player;
    }

    public Node picture() {
        return picture;
    }

    private void dispose() {
        if (player != null) {
            player.volumeProperty().unbind();
            player.dispose();
            player = null;
            picture.setMediaPlayer(null);
        }
    }
}
