package org.elastos.frontdoor.views.onboarding;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.elastos.frontdoor.views.AppViewModel;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.phrase.PhraseCheck;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.vault.PasswordStrength;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * First run, or another identity: welcome; then either make a phrase, show it and ask three words back, or type
 * an existing phrase; then choose a password; then done.
 */
public final class OnboardingViewModel {
    public enum Step { WELCOME, SHOW_WORDS, CONFIRM_WORDS, RESTORE_WORDS, PASSWORD, DONE }

    static final int WORDS_TO_CONFIRM = 3;

    private final AppViewModel app;
    private final SecureRandom random;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.WELCOME);
    private final ObservableList<String> words = FXCollections.observableArrayList();
    private final ObservableList<Integer> confirmPositions = FXCollections.observableArrayList();
    private final List<StringProperty> confirmAnswers = new ArrayList<>();
    private final StringProperty confirmError = new SimpleStringProperty("");
    private final StringProperty restoreText = new SimpleStringProperty("");
    private final StringProperty restoreStatus = new SimpleStringProperty("");
    private final BooleanProperty restoreValid = new SimpleBooleanProperty(false);
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordAgain = new SimpleStringProperty("");
    private final ObjectProperty<PasswordStrength> strength = new SimpleObjectProperty<>(PasswordStrength.TOO_SHORT);
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Identity> created = new SimpleObjectProperty<>();
    private final BooleanBinding passwordAcceptable;
    private RecoveryPhrase phrase;
    private Wallet wallet;

    public OnboardingViewModel(AppViewModel app, SecureRandom random) {
        this.app = app;
        this.random = random;
        for (int i = 0; i < WORDS_TO_CONFIRM; i++) {
            confirmAnswers.add(new SimpleStringProperty(""));
        }
        restoreText.addListener((obs, old, text) -> checkRestoreText(text));
        password.addListener((obs, old, text) -> strength.set(PasswordStrength.of(text.toCharArray())));
        passwordAcceptable = Bindings.createBooleanBinding(
                () -> strength.get() != PasswordStrength.TOO_SHORT && password.get().equals(passwordAgain.get()) && !busy.get(),
                strength, password, passwordAgain, busy);
    }

    public void startCreate() {
        phrase = RecoveryPhrase.generate(random);
        words.setAll(phrase.words());
        step.set(Step.SHOW_WORDS);
    }

    public void startRestore() {
        phrase = null;
        words.clear();
        restoreText.set("");
        checkRestoreText("");
        step.set(Step.RESTORE_WORDS);
    }

    /** The person says the words are written down: ask three of them back, at random places. */
    public void wordsWrittenDown() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        List<Integer> chosen = new ArrayList<>(positions.subList(0, WORDS_TO_CONFIRM));
        Collections.sort(chosen);
        confirmPositions.setAll(chosen);
        confirmAnswers.forEach(answer -> answer.set(""));
        confirmError.set("");
        step.set(Step.CONFIRM_WORDS);
    }

    public void confirmWords() {
        for (int i = 0; i < WORDS_TO_CONFIRM; i++) {
            int position = confirmPositions.get(i);
            String answer = confirmAnswers.get(i).get().trim().toLowerCase(Locale.ROOT);
            if (!answer.equals(words.get(position))) {
                confirmError.set(Strings.get("confirm.wrong", position + 1));
                return;
            }
        }
        confirmError.set("");
        step.set(Step.PASSWORD);
    }

    public void restoreContinue() {
        try {
            phrase = RecoveryPhrase.parse(restoreText.get());
        } catch (WalletException e) {
            restoreStatus.set(e.getMessage());
            return;
        }
        step.set(Step.PASSWORD);
    }

    /** Replaces the word being typed with a completion from the list. */
    public void complete(String word) {
        String text = restoreText.get();
        int start = text.length();
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        restoreText.set(text.substring(0, start) + word + " ");
    }

    /** Seals the identity under the password (Argon2id, about a second) off the UI thread. */
    public void createVault() {
        if (!passwordAcceptable.get()) {
            passwordError.set(password.get().equals(passwordAgain.get())
                    ? Strings.get("password.too-short", PasswordStrength.MIN_LENGTH) : Strings.get("password.mismatch"));
            return;
        }
        busy.set(true);
        passwordError.set("");
        char[] secret = password.get().toCharArray();
        RecoveryPhrase chosen = phrase;
        String bip39Passphrase = passphrase.get();
        app.tasks().run(() -> {
            Vault vault = app.identities().newVault();
            vault.create(chosen, bip39Passphrase, secret);
            Wallet opened = Wallet.open(vault);
            opened.unlock(secret);
            Arrays.fill(secret, '\0');
            return opened;
        }, opened -> {
            busy.set(false);
            wallet = opened;
            created.set(opened.identity());
            password.set("");
            passwordAgain.set("");
            words.clear();
            phrase = null;
            step.set(Step.DONE);
        }, failure -> {
            busy.set(false);
            passwordError.set(failure instanceof WalletException ? failure.getMessage() : Strings.get("error.unexpected", failure));
        });
    }

    public void finish() {
        app.onboarded(wallet);
    }

    public void back() {
        switch (step.get()) {
            case SHOW_WORDS, RESTORE_WORDS -> step.set(Step.WELCOME);
            case CONFIRM_WORDS -> step.set(Step.SHOW_WORDS);
            case PASSWORD -> step.set(words.isEmpty() ? Step.RESTORE_WORDS : Step.CONFIRM_WORDS);
            default -> {
            }
        }
    }

    public boolean canCancel() {
        return app.hasIdentity();
    }

    public void cancel() {
        app.cancelOnboarding();
    }

    private void checkRestoreText(String text) {
        PhraseCheck check = RecoveryPhrase.check(text);
        boolean typingAWord = !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        String[] parts = text.trim().split("\\s+");
        String partial = typingAWord ? parts[parts.length - 1].toLowerCase(Locale.ROOT) : "";
        List<String> options = partial.isEmpty() ? List.of() : RecoveryPhrase.completions(partial, 6);
        suggestions.setAll(options.size() == 1 && options.get(0).equals(partial) ? List.of() : options);
        restoreValid.set(check instanceof PhraseCheck.Valid);
        boolean stillTypingLastWord = check instanceof PhraseCheck.UnknownWord unknown
                && unknown.position() == parts.length && !options.isEmpty();
        restoreStatus.set(stillTypingLastWord ? Strings.get("restore.typing", parts.length) : describe(check));
    }

    private static String describe(PhraseCheck check) {
        if (check instanceof PhraseCheck.UnknownWord unknown) {
            return Strings.get("restore.unknown", unknown.word(), unknown.position());
        }
        if (check instanceof PhraseCheck.BadChecksum bad) {
            return Strings.get("restore.checksum", bad.wordCount());
        }
        if (check instanceof PhraseCheck.Valid valid) {
            return Strings.get("restore.valid", valid.wordCount());
        }
        int count = ((PhraseCheck.Incomplete) check).wordCount();
        return count == 0 ? Strings.get("restore.start") : Strings.get("restore.count", count);
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObservableList<String> words() {
        return words;
    }

    public ObservableList<Integer> confirmPositions() {
        return confirmPositions;
    }

    public StringProperty confirmAnswer(int index) {
        return confirmAnswers.get(index);
    }

    public StringProperty confirmErrorProperty() {
        return confirmError;
    }

    public StringProperty restoreTextProperty() {
        return restoreText;
    }

    public StringProperty restoreStatusProperty() {
        return restoreStatus;
    }

    public BooleanProperty restoreValidProperty() {
        return restoreValid;
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordAgainProperty() {
        return passwordAgain;
    }

    public ObjectProperty<PasswordStrength> strengthProperty() {
        return strength;
    }

    public BooleanBinding passwordAcceptableBinding() {
        return passwordAcceptable;
    }

    public StringProperty passwordErrorProperty() {
        return passwordError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Identity> createdProperty() {
        return created;
    }
}
