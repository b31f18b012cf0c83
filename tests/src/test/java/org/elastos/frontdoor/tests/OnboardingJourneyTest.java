package org.elastos.frontdoor.tests;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.elastos.frontdoor.views.AppView;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.FxTaskRunner;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's first minutes, through the real screens in a real (headless) JavaFX scene: create an identity,
 * prove the backup, lock, fail with a wrong password, unlock, then restore a second identity from a known phrase.
 */
@ExtendWith(ApplicationExtension.class)
class OnboardingJourneyTest {
    private static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";
    private static final String PASSWORD = "Front-door 2026 journey";

    @TempDir
    static Path data;

    @Start
    void start(Stage stage) {
        AppViewModel model = new AppViewModel(new IdentityDirectory(data), new FxTaskRunner());
        model.start();
        stage.setScene(new AppView(model).scene());
        stage.show();
    }

    @Test
    void createsConfirmsLocksUnlocksAndRestoresASecondIdentity(FxRobot robot) throws Exception {
        // Create: the 24 words are shown, then three of them are asked back.
        robot.clickOn("#create-identity");
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            words.add(robot.lookup("#phrase-word-" + i).queryAs(Label.class).getText());
        }
        assertEquals(24, words.stream().distinct().count() + duplicates(words));
        robot.clickOn("#words-written");

        TextField first = robot.lookup("#confirm-word-0").queryAs(TextField.class);
        robot.clickOn(first).write("wrong");
        fillConfirmation(robot, words, 1);
        fillConfirmation(robot, words, 2);
        robot.clickOn("#confirm-words");
        assertTrue(text(robot, "#confirm-error").contains("does not match"), "a wrong backup word must be caught");
        robot.doubleClickOn(first).eraseText(5);
        fillConfirmation(robot, words, 0);
        robot.clickOn("#confirm-words");

        // Password, with its strength shown, then the vault is sealed in the background.
        robot.clickOn("#password").write(PASSWORD);
        assertFalse(text(robot, "#password-strength").isEmpty());
        robot.clickOn("#password-again").write(PASSWORD);
        robot.clickOn("#create-vault");
        OnScreen.click(robot, "#finish-onboarding");

        String did = text(robot, "#identity-did");
        assertTrue(did.startsWith("did:key:z6Mk"), did);
        assertTrue(text(robot, "#identity-evm").matches("0x[0-9a-fA-F]{40}"));
        robot.lookup("#identity-qr").query();

        // Lock, fail with a wrong password (the field shakes), unlock with the right one.
        robot.clickOn("#nav-lock");
        waitFor(robot, "#unlock-password");
        OnScreen.click(robot, "#unlock-password");
        robot.write("not my password");
        OnScreen.click(robot, "#unlock");
        Node field = robot.lookup("#unlock-password").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> field.getTranslateX() != 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#unlock-error").contains("not right"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#unlock-password").queryAs(PasswordField.class).isDisabled());
        // The field shakes: it is clicked once it is still, since TestFX reads a moving layout off the JavaFX thread.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> field.getTranslateX() == 0);
        OnScreen.click(robot, "#unlock-password");
        robot.write(PASSWORD);
        OnScreen.click(robot, "#unlock");
        waitFor(robot, "#identity-did");
        assertEquals(did, text(robot, "#identity-did"));

        // A second identity, restored from a known phrase, completing the last word from the list.
        robot.clickOn("#nav-lock");
        waitFor(robot, "#add-identity");
        robot.clickOn("#add-identity");
        robot.clickOn("#restore-identity");
        robot.clickOn("#restore-input").write(ABANDON.substring(0, ABANDON.length() - "abandon".length()) + "aban");
        robot.type(KeyCode.TAB);
        assertEquals(ABANDON + " ", robot.lookup("#restore-input").queryAs(TextInputControl.class).getText());
        robot.write("abou");
        robot.clickOn("#suggest-about");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#restore-status").contains("valid 12-word"));
        robot.clickOn("#restore-continue");
        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#password-again").write(PASSWORD);
        robot.clickOn("#create-vault");
        waitFor(robot, "#finish-onboarding");
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", text(robot, "#done-evm"));
        robot.clickOn("#finish-onboarding");
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", text(robot, "#identity-evm"));
        assertEquals(2, new IdentityDirectory(data).vaults().size());
    }

    private static void fillConfirmation(FxRobot robot, List<String> words, int index) {
        TextField field = robot.lookup("#confirm-word-" + index).queryAs(TextField.class);
        int position = Integer.parseInt(field.getPromptText().replaceAll("\\D", ""));
        robot.clickOn(field).write(words.get(position - 1));
    }

    private static long duplicates(List<String> words) {
        return words.size() - words.stream().distinct().count();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : ((TextField) node).getText();
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        OnScreen.await(robot, query);
    }
}
