package org.elastos.frontdoor.tests;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pairing through the real screens: open Pair, load the QR picture the box wrote, compare its name and fingerprint,
 * pair, and see the box online on Home with its folders.
 */
@ExtendWith(ApplicationExtension.class)
class PairJourneyTest {
    private static final String PASSWORD = "Pair journey 2026!";

    @TempDir
    static Path dir;
    private static HomeBox box;
    private static Path qrPicture;

    @BeforeAll
    static void startBoxAndIdentity() throws Exception {
        box = PairingWorld.startBox(dir.resolve("box"));
        Files.writeString(dir.resolve("box").resolve("Films").resolve("sintel.mp4"), "a film");
        qrPicture = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        PairingWorld.restoreIdentity(dir.resolve("app"), "legal winner thank year wave sausage worth useful legal winner thank yellow", PASSWORD);
    }

    @AfterAll
    static void stopBox() {
        box.close();
    }

    @Start
    void start(Stage stage) {
        AppViewModel model = new AppViewModel(new IdentityDirectory(dir.resolve("app")), new FxTaskRunner());
        model.start();
        stage.setScene(new AppView(model, () -> Optional.of(qrPicture)).scene());
        stage.show();
    }

    @Test
    void pairsFromTheBoxesQrPictureAndSeesTheBoxOnlineWithItsFolders(FxRobot robot) throws Exception {
        OnScreen.click(robot, "#unlock-password");
        robot.write(PASSWORD);
        OnScreen.click(robot, "#unlock");
        OnScreen.await(robot, "#home-pair");

        OnScreen.click(robot, "#nav-pair");
        assertTrue(robot.lookup("#pair-camera").tryQuery().isEmpty(), "no camera on this platform, so none is offered");
        OnScreen.click(robot, "#pair-choose");
        try {
            OnScreen.await(robot, "#pair-confirm");
        } catch (TimeoutException e) {
            throw new AssertionError("no box to confirm; the screen says: " + text(robot, "#pair-message"), e);
        }
        assertEquals(box.name(), text(robot, "#pair-box-name"));
        assertTrue(text(robot, "#pair-fingerprint").contains(box.did().fingerprint()), "the fingerprint to compare with the box");

        OnScreen.click(robot, "#pair-confirm");
        OnScreen.await(robot, "#pair-open-home");
        assertTrue(text(robot, "#pair-message").contains(box.name()), text(robot, "#pair-message"));
        assertEquals(1, box.devices().size());
        assertEquals("owner", box.devices().get(0).role().name().toLowerCase());

        OnScreen.click(robot, "#pair-open-home");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#home-box-status").startsWith("Online"));
        assertTrue(text(robot, "#home-box-status").contains("direct"), text(robot, "#home-box-status"));
        ListView<BoxClient.Entry> entries = robot.lookup("#box-entries").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entries.getItems().size() == 5);
        assertEquals(List.of("Photos", "Music", "Films", "Documents", "Personal"),
                entries.getItems().stream().map(BoxClient.Entry::name).toList());

        // Open Films with the keyboard: select it, then Enter.
        robot.interact(() -> {
            entries.getSelectionModel().select(2);
            entries.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#box-folder").equals("/Films"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entries.getItems().size() == 1);
        assertEquals("sintel.mp4", entries.getItems().get(0).name());

        OnScreen.click(robot, "#box-devices");
        OnScreen.await(robot, "#device-0");
        assertTrue(robot.lookup("#device-0 .mono").queryAs(Label.class).getText().startsWith("did:key:z6Mk"),
                "the Devices screen names each device by its DID");
        assertTrue(robot.lookup("#device-0 .muted").queryAs(Label.class).getText().startsWith("Owner"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
