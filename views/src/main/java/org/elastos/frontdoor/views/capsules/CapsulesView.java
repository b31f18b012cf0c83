package org.elastos.frontdoor.views.capsules;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.InstalledCapsules;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

/** The "Capsules" card in Settings; all state lives in {@link CapsulesViewModel}. */
public final class CapsulesView extends VBox {
    private final CapsulesViewModel model;
    private final VBox publishers = new VBox(6);
    private final VBox installed = new VBox(10);

    public CapsulesView(CapsulesViewModel model) {
        super(14);
        this.model = model;
        setId("capsules");
        getStyleClass().add("card");

        TextField newPublisher = new TextField();
        newPublisher.setId("capsules-new-publisher");
        newPublisher.setPromptText("did:key:z6Mk\u2026");
        newPublisher.textProperty().bindBidirectional(model.newPublisherProperty());
        newPublisher.setOnAction(event -> model.addPublisher());
        HBox.setHgrow(newPublisher, Priority.ALWAYS);
        Button add = Widgets.button("capsules-add-publisher", Strings.get("capsules.trust"), model::addPublisher);
        Label publisherError = Widgets.styled(new Label(), "error");
        publisherError.textProperty().bind(model.publisherErrorProperty());
        publisherError.managedProperty().bind(Bindings.isNotEmpty(publisherError.textProperty()));

        ChoiceBox<String> filter = new ChoiceBox<>();
        filter.setId("capsules-audit-filter");
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String capsule) {
                return capsule == null || capsule.isEmpty() ? Strings.get("capsules.audit.all") : capsule;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Runnable fillFilter = () -> {
            String chosen = model.auditFilterProperty().get();
            filter.getItems().setAll(CapsulesViewModel.ALL);
            filter.getItems().addAll(model.auditCapsules());
            filter.setValue(chosen);
        };
        model.auditCapsules().addListener((ListChangeListener<String>) change -> fillFilter.run());
        fillFilter.run();
        filter.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.auditFilterProperty().set(value);
            }
        });
        ListView<AuditLog.Entry> audit = new ListView<>(model.auditEntries());
        audit.setId("capsules-audit");
        audit.setPrefHeight(220);
        audit.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuditLog.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null
                        : "#" + entry.seq() + "  " + entry.subject() + "  " + entry.event() + "  " + entry.detail());
            }
        });
        audit.setPlaceholder(new Label(Strings.get("capsules.audit.empty")));

        model.publishers().addListener((ListChangeListener<String>) change -> fillPublishers());
        model.capsules().addListener((ListChangeListener<InstalledCapsules.Installed>) change -> fillInstalled());
        fillPublishers();
        fillInstalled();

        Label question = Widgets.styled(new Label(), "field-label");
        question.setId("capsules-ask");
        question.setWrapText(true);
        Button allow = Widgets.primary("capsules-allow", Strings.get("capsules.allow"), () -> model.answer(true));
        Button decline = Widgets.button("capsules-decline", Strings.get("capsules.decline"), () -> model.answer(false));
        VBox prompt = new VBox(10, question, new HBox(10, allow, decline));
        prompt.getStyleClass().add("prompt");
        prompt.visibleProperty().bind(model.pendingProperty().isNotNull());
        prompt.managedProperty().bind(prompt.visibleProperty());
        model.pendingProperty().addListener((obs, old, ask) -> {
            if (ask != null) {
                question.setText(Strings.get("capsules.ask", ask.capsule(), ask.grant()));
                allow.requestFocus();
            }
        });
        Label result = Widgets.body("");
        result.setId("capsules-result");
        result.textProperty().bind(model.runResultProperty());
        result.managedProperty().bind(Bindings.isNotEmpty(result.textProperty()));

        HBox filterRow = new HBox(12, Widgets.styled(new Label(Strings.get("capsules.audit")), "field-label"), filter);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(Widgets.styled(new Label(Strings.get("capsules.title")), "subtitle"),
                Widgets.body(Strings.get("capsules.body")),
                Widgets.styled(new Label(Strings.get("capsules.publishers")), "field-label"), publishers,
                new HBox(10, newPublisher, add), publisherError,
                Widgets.styled(new Label(Strings.get("capsules.installed")), "field-label"), installed, prompt, result,
                filterRow, audit);
    }

    private void fillPublishers() {
        publishers.getChildren().clear();
        if (model.publishers().isEmpty()) {
            publishers.getChildren().add(Widgets.styled(new Label(Strings.get("capsules.publishers.none")), "muted"));
        }
        for (String did : model.publishers()) {
            Label value = Widgets.styled(new Label(did), "identity-value");
            HBox.setHgrow(value, Priority.ALWAYS);
            value.setMaxWidth(Double.MAX_VALUE);
            Button remove = Widgets.button("capsules-remove-" + did.substring(did.length() - 8), Strings.get("capsules.remove"),
                    () -> model.removePublisher(did));
            remove.getStyleClass().add("small");
            HBox row = new HBox(10, value, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            publishers.getChildren().add(row);
        }
    }

    private void fillInstalled() {
        installed.getChildren().clear();
        if (model.capsules().isEmpty()) {
            installed.getChildren().add(Widgets.styled(new Label(Strings.get("capsules.installed.none")), "muted"));
        }
        for (InstalledCapsules.Installed capsule : model.capsules()) {
            String name = capsule.manifest().name();
            Label title = Widgets.styled(new Label(name + " " + capsule.manifest().version() + "  \u00b7  "
                    + capsule.manifest().publisher().fingerprint()), "field-label");
            Button run = Widgets.button("capsules-run-" + name, Strings.get("capsules.run"), () -> model.run(name));
            run.getStyleClass().add("small");
            HBox heading = new HBox(12, title, run);
            heading.setAlignment(Pos.CENTER_LEFT);
            FlowPane grants = new FlowPane(8, 8);
            if (capsule.grants().isEmpty()) {
                grants.getChildren().add(Widgets.styled(new Label(Strings.get("capsules.grants.none")), "muted"));
            }
            for (Grant grant : capsule.grants()) {
                Button revoke = Widgets.button(("capsules-revoke-" + name + "-" + grant.capability()).replaceAll("[^A-Za-z0-9-]", "-"),
                        Strings.get("capsules.revoke", grant.toString()), () -> model.revoke(name, grant));
                revoke.getStyleClass().add("chip");
                grants.getChildren().add(revoke);
            }
            installed.getChildren().add(new VBox(6, heading, grants));
        }
    }
}
