package org.elastos.frontdoor.tests;

import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.views.pair.Camera;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways in that have no file: the camera where the platform has one, and the clipboard. Where the platform has a
 * camera, Pair offers it. No camera exists here, so a stand-in hands over the picture a
 * phone would take of the box's screen (the PNG the box wrote); everything after the shutter is the real path.
 */
@ExtendWith(ApplicationExtension.class)
class PairSourcesTest {
    private static final String PASSWORD = "Camera journey 2026!";

    @TempDir
    static Path dir;
    private static HomeBox box;
    private static Path qrPicture;

    @BeforeAll
    static void startBoxAndIdentity() throws Exception {
        box = PairingWorld.startBox(dir.resolve("box"));
        qrPicture = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        PairingWorld.restoreIdentity(dir.resolve("app"), "letter advice cage absurd amount doctor acoustic avoid letter advice cage above", PASSWORD);
    }

    @AfterAll
    static void stopBox() {
        box.close();
    }

    @Start
    void start(Stage stage) {
        AppViewModel model = new AppViewModel(new IdentityDirectory(dir.resolve("app")), new FxTaskRunner());
        model.start();
        Camera shutter = () -> Optional.of(new Image(qrPicture.toUri().toString()));
        stage.setScene(new AppView(model, Optional::empty, Optional.of(shutter)).scene());
        stage.show();
    }

    @Test
    void aPastedPictureOrLinkLeadsToTheBoxToConfirm(FxRobot robot) throws Exception {
        OnScreen.click(robot, "#unlock-password");
        robot.write(PASSWORD);
        OnScreen.click(robot, "#unlock");
        OnScreen.click(robot, "#nav-pair");
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(new Image(qrPicture.toUri().toString()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        OnScreen.click(robot, "#pair-paste");
        OnScreen.await(robot, "#pair-confirm");
        assertEquals(box.name(), robot.lookup("#pair-box-name").queryAs(Label.class).getText());

        OnScreen.click(robot, "#pair-cancel");
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("  " + box.inviteLink(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME)) + "\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        OnScreen.click(robot, "#pair-paste");
        OnScreen.await(robot, "#pair-confirm");
        assertTrue(robot.lookup("#pair-fingerprint").queryAs(Label.class).getText().contains(box.did().fingerprint()));
    }

    @Test
    void aPhotoOfTheBoxesCodeLeadsToTheBoxToConfirm(FxRobot robot) throws Exception {
        OnScreen.click(robot, "#unlock-password");
        robot.write(PASSWORD);
        OnScreen.click(robot, "#unlock");
        OnScreen.click(robot, "#nav-pair");
        OnScreen.click(robot, "#pair-camera");
        OnScreen.await(robot, "#pair-confirm");
        assertEquals(box.name(), robot.lookup("#pair-box-name").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#pair-fingerprint").queryAs(Label.class).getText().contains(box.did().fingerprint()));
    }
}
