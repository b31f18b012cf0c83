package org.elastos.frontdoor.views.onboarding;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.vault.PasswordStrength;

/** Lays out whichever onboarding step the model is on; all decisions live in {@link OnboardingViewModel}. */
public final class OnboardingView extends StackPane {
    private final OnboardingViewModel model;

    public OnboardingView(OnboardingViewModel model) {
        this.model = model;
        setId("onboarding");
        model.stepProperty().addListener((obs, old, step) -> show(step));
        show(model.stepProperty().get());
    }

    private void show(OnboardingViewModel.Step step) {
        Node content = switch (step) {
            case WELCOME -> welcome();
            case SHOW_WORDS -> showWords();
            case CONFIRM_WORDS -> confirmWords();
            case RESTORE_WORDS -> restoreWords();
            case PASSWORD -> password();
            case DONE -> done();
        };
        getChildren().setAll(content);
    }

    private Node welcome() {
        Label brand = Widgets.styled(new Label(Strings.get("app.title")), "brand");
        Button create = Widgets.primary("create-identity", Strings.get("welcome.create"), model::startCreate);
        Button restore = Widgets.button("restore-identity", Strings.get("welcome.restore"), model::startRestore);
        create.setMaxWidth(Double.MAX_VALUE);
        restore.setMaxWidth(Double.MAX_VALUE);
        VBox actions = new VBox(10, create, restore);
        if (model.canCancel()) {
            actions.getChildren().add(Widgets.link("cancel-onboarding", Strings.get("welcome.cancel"), model::cancel));
        }
        create.setDefaultButton(true);
        return Widgets.centeredCard(brand, Widgets.title(Strings.get("welcome.title")), Widgets.body(Strings.get("welcome.body")), actions);
    }

    private Node showWords() {
        GridPane grid = new GridPane();
        grid.setId("phrase-words");
        grid.getStyleClass().add("phrase-grid");
        int columns = 3;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setFillWidth(true);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < model.words().size(); i++) {
            Label index = Widgets.styled(new Label(String.valueOf(i + 1)), "phrase-index");
            Label word = Widgets.styled(new Label(model.words().get(i)), "phrase-word");
            word.setId("phrase-word-" + (i + 1));
            HBox cell = new HBox(index, word);
            cell.getStyleClass().add("phrase-cell");
            cell.setAlignment(Pos.CENTER_LEFT);
            cell.setMaxWidth(Double.MAX_VALUE);
            grid.add(cell, i % columns, i / columns);
        }
        Button done = Widgets.primary("words-written", Strings.get("words.done"), model::wordsWrittenDown);
        done.setDefaultButton(true);
        return Widgets.centeredCard(Widgets.title(Strings.get("words.title")), Widgets.body(Strings.get("words.body")), grid,
                buttons(backButton(), done));
    }

    private Node confirmWords() {
        VBox fields = new VBox(12);
        for (int i = 0; i < OnboardingViewModel.WORDS_TO_CONFIRM; i++) {
            int position = model.confirmPositions().get(i) + 1;
            Label label = Widgets.styled(new Label(Strings.get("confirm.word", position)), "field-label");
            TextField field = new TextField();
            field.setId("confirm-word-" + i);
            field.setPromptText(Strings.get("confirm.word", position));
            field.textProperty().bindBidirectional(model.confirmAnswer(i));
            label.setLabelFor(field);
            fields.getChildren().add(new VBox(6, label, field));
        }
        Label error = errorLabel("confirm-error");
        error.textProperty().bind(model.confirmErrorProperty());
        Button next = Widgets.primary("confirm-words", Strings.get("confirm.next"), model::confirmWords);
        next.setDefaultButton(true);
        return Widgets.centeredCard(Widgets.title(Strings.get("confirm.title")), Widgets.body(Strings.get("confirm.body")), fields,
                error, buttons(backButton(), next));
    }

    private Node restoreWords() {
        TextArea input = new TextArea();
        input.setId("restore-input");
        input.setWrapText(true);
        input.setPrefRowCount(4);
        input.setPromptText("word1 word2 word3 \u2026");
        input.textProperty().bindBidirectional(model.restoreTextProperty());

        FlowPane suggestions = new FlowPane(8, 8);
        suggestions.setId("restore-suggestions");
        model.suggestions().addListener((javafx.collections.ListChangeListener<String>) change -> fillSuggestions(suggestions, input));
        fillSuggestions(suggestions, input);

        Label status = new Label();
        status.setId("restore-status");
        status.setWrapText(true);
        status.textProperty().bind(model.restoreStatusProperty());
        model.restoreValidProperty().addListener((obs, old, valid) -> status.getStyleClass().setAll("label", valid ? "success" : "muted"));
        status.getStyleClass().add("muted");

        Label passphraseLabel = Widgets.styled(new Label(Strings.get("restore.passphrase")), "field-label");
        PasswordField passphrase = new PasswordField();
        passphrase.setId("restore-passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        passphraseLabel.setLabelFor(passphrase);

        // Tab takes the first suggestion, as in a shell; with none it moves on instead of typing a tab character.
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.TAB || event.isShiftDown() || event.isControlDown()) {
                return;
            }
            if (model.suggestions().isEmpty()) {
                passphrase.requestFocus();
            } else {
                model.complete(model.suggestions().get(0));
                input.positionCaret(input.getText().length());
            }
            event.consume();
        });

        Button next = Widgets.primary("restore-continue", Strings.get("restore.next"), model::restoreContinue);
        next.disableProperty().bind(model.restoreValidProperty().not());
        return Widgets.centeredCard(Widgets.title(Strings.get("restore.title")), Widgets.body(Strings.get("restore.body")),
                input, suggestions, status, new VBox(6, passphraseLabel, passphrase), buttons(backButton(), next));
    }

    private void fillSuggestions(FlowPane pane, TextArea input) {
        pane.getChildren().clear();
        for (String word : model.suggestions()) {
            Button chip = Widgets.button("suggest-" + word, word, () -> {
                model.complete(word);
                input.requestFocus();
                input.positionCaret(input.getText().length());
            });
            chip.getStyleClass().add("chip");
            pane.getChildren().add(chip);
        }
    }

    private Node password() {
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField again = new PasswordField();
        again.setId("password-again");
        again.textProperty().bindBidirectional(model.passwordAgainProperty());
        Label passwordLabel = Widgets.styled(new Label(Strings.get("password.field")), "field-label");
        passwordLabel.setLabelFor(password);
        Label againLabel = Widgets.styled(new Label(Strings.get("password.again")), "field-label");
        againLabel.setLabelFor(again);

        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add("strength-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label strengthText = new Label();
        strengthText.setId("password-strength");
        strengthText.getStyleClass().add("muted");
        Runnable showStrength = () -> {
            PasswordStrength strength = model.strengthProperty().get();
            bar.setProgress((strength.ordinal() + (strength == PasswordStrength.TOO_SHORT ? 0.3 : 0)) / (double) (PasswordStrength.values().length - 1));
            bar.getStyleClass().removeIf(style -> style.startsWith("strength-") && !style.equals("strength-bar"));
            bar.getStyleClass().add("strength-" + strength.name());
            strengthText.setText(model.passwordProperty().get().isEmpty() ? "" : Strings.get("password.strength." + strength.name()));
        };
        model.strengthProperty().addListener((obs, old, value) -> showStrength.run());
        model.passwordProperty().addListener((obs, old, value) -> showStrength.run());
        showStrength.run();

        Label error = errorLabel("password-error");
        error.textProperty().bind(model.passwordErrorProperty());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(28, 28);
        Label workingText = Widgets.styled(new Label(Strings.get("password.working")), "muted");
        HBox progress = new HBox(10, working, workingText);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());

        Button create = Widgets.primary("create-vault", Strings.get("password.create"), model::createVault);
        create.disableProperty().bind(model.passwordAcceptableBinding().not());
        create.setDefaultButton(true);
        Button back = backButton();
        back.disableProperty().bind(model.busyProperty());
        return Widgets.centeredCard(Widgets.title(Strings.get("password.title")), Widgets.body(Strings.get("password.body")),
                new VBox(6, passwordLabel, password, bar, strengthText), new VBox(6, againLabel, again), error, progress,
                buttons(back, create));
    }

    private Node done() {
        Identity identity = model.createdProperty().get();
        Label did = Widgets.styled(new Label(identity.did().value()), "identity-value");
        did.setId("done-did");
        did.setWrapText(true);
        Label address = Widgets.styled(new Label(identity.evmAddress().value()), "identity-value");
        address.setId("done-evm");
        Button open = Widgets.primary("finish-onboarding", Strings.get("done.open"), model::finish);
        open.setDefaultButton(true);
        return Widgets.centeredCard(Widgets.title(Strings.get("done.title")), Widgets.body(Strings.get("done.body")),
                new VBox(4, Widgets.styled(new Label(Strings.get("home.did")), "identity-key"), did),
                new VBox(4, Widgets.styled(new Label(Strings.get("home.evm")), "identity-key"), address),
                buttons(open));
    }

    private Button backButton() {
        return Widgets.button("onboarding-back", Strings.get("common.back"), model::back);
    }

    private static Label errorLabel(String id) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.getStyleClass().add("error");
        error.managedProperty().bind(Bindings.isNotEmpty(error.textProperty()));
        return error;
    }

    private static HBox buttons(Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(10);
        if (buttons.length > 1) {
            row.getChildren().add(buttons[0]);
            row.getChildren().add(spacer);
            for (int i = 1; i < buttons.length; i++) {
                row.getChildren().add(buttons[i]);
            }
        } else {
            row.getChildren().addAll(spacer, buttons[0]);
        }
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
