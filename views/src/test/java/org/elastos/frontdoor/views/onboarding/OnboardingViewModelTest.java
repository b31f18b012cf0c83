package org.elastos.frontdoor.views.onboarding;

import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.lock.LockViewModel;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.elastos.frontdoor.wallet.vault.PasswordStrength;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The onboarding and lock logic without a screen: view models only, with work run in line. */
class OnboardingViewModelTest {
    private static final String ABANDON_11 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";

    @TempDir
    Path data;
    private AppViewModel app;
    private OnboardingViewModel onboarding;

    @BeforeEach
    void start() {
        app = new AppViewModel(new IdentityDirectory(data), TaskRunner.synchronous());
        app.start();
        onboarding = new OnboardingViewModel(app, new SecureRandom());
    }

    @Test
    void restoreGivesFeedbackAsThePersonTypes() {
        onboarding.startRestore();
        onboarding.restoreTextProperty().set("abandon abou");
        assertTrue(onboarding.restoreStatusProperty().get().startsWith("Word 2: keep typing"));
        assertEquals(java.util.List.of("about"), onboarding.suggestions());
        onboarding.restoreTextProperty().set("abandon abouq ");
        assertTrue(onboarding.restoreStatusProperty().get().contains("\"abouq\" (word 2)"));
        onboarding.restoreTextProperty().set(ABANDON_11 + " abandon");
        assertTrue(onboarding.restoreStatusProperty().get().contains("do not fit together"));
        assertFalse(onboarding.restoreValidProperty().get());
        onboarding.restoreTextProperty().set(ABANDON_11 + " abou");
        onboarding.complete("about");
        assertTrue(onboarding.restoreValidProperty().get());
    }

    @Test
    void restoringTheAbandonPhraseEndsOnItsKnownAddressAndOpensTheShell() {
        onboarding.startRestore();
        onboarding.restoreTextProperty().set(ABANDON_11 + " about");
        onboarding.restoreContinue();
        assertEquals(OnboardingViewModel.Step.PASSWORD, onboarding.stepProperty().get());
        onboarding.passwordProperty().set("Front-door 2026");
        onboarding.passwordAgainProperty().set("Front-door 2026");
        onboarding.createVault();
        assertEquals(OnboardingViewModel.Step.DONE, onboarding.stepProperty().get());
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", onboarding.createdProperty().get().evmAddress().value());
        onboarding.finish();
        assertEquals(AppViewModel.Screen.SHELL, app.screenProperty().get());
    }

    @Test
    void theBackupMustBeConfirmedWordForWord() {
        onboarding.startCreate();
        assertEquals(24, onboarding.words().size());
        onboarding.wordsWrittenDown();
        assertEquals(3, onboarding.confirmPositions().size());
        for (int i = 0; i < 3; i++) {
            onboarding.confirmAnswer(i).set(onboarding.words().get(onboarding.confirmPositions().get(i)));
        }
        onboarding.confirmAnswer(1).set("zzz");
        onboarding.confirmWords();
        assertEquals(OnboardingViewModel.Step.CONFIRM_WORDS, onboarding.stepProperty().get());
        assertTrue(onboarding.confirmErrorProperty().get().contains("Word " + (onboarding.confirmPositions().get(1) + 1)));
        onboarding.confirmAnswer(1).set(" " + onboarding.words().get(onboarding.confirmPositions().get(1)).toUpperCase() + " ");
        onboarding.confirmWords();
        assertEquals(OnboardingViewModel.Step.PASSWORD, onboarding.stepProperty().get());
    }

    @Test
    void aShortOrMismatchedPasswordCannotSealTheVault() {
        onboarding.startCreate();
        onboarding.passwordProperty().set("short");
        onboarding.passwordAgainProperty().set("short");
        assertEquals(PasswordStrength.TOO_SHORT, onboarding.strengthProperty().get());
        assertFalse(onboarding.passwordAcceptableBinding().get());
        onboarding.passwordProperty().set("long enough password");
        assertFalse(onboarding.passwordAcceptableBinding().get());
        onboarding.passwordAgainProperty().set("long enough password");
        assertTrue(onboarding.passwordAcceptableBinding().get());
    }

    @Test
    void aWrongPasswordShakesTheLockScreenAndKeepsItLocked() {
        restoringTheAbandonPhraseEndsOnItsKnownAddressAndOpensTheShell();
        app.lock();
        LockViewModel lock = new LockViewModel(app);
        lock.passwordProperty().set("wrong password");
        lock.unlock();
        assertEquals(1, lock.shakesProperty().get());
        assertTrue(lock.errorProperty().get().contains("not right"));
        assertEquals(AppViewModel.Screen.LOCKED, app.screenProperty().get());
        lock.passwordProperty().set("Front-door 2026");
        lock.unlock();
        assertEquals(AppViewModel.Screen.SHELL, app.screenProperty().get());
    }
}
