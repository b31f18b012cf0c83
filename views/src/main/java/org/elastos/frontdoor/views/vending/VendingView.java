package org.elastos.frontdoor.views.vending;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.views.vending.VendingViewModel.Row;
import org.elastos.frontdoor.views.vending.VendingViewModel.Status;
import org.elastos.frontdoor.views.vending.VendingViewModel.Step;

import java.util.Locale;

/**
 * Vending machines: the paired box's folders and files, each with its switch and its state (not for sale, for sale at
 * a price, paused, sold so often, earned so much). Turning a switch on opens the price and what the buyer gets, right
 * under its row; the work line above says what is happening, shows the fee before anything is sent, and the receipt.
 * A switch shows what the chain says, never what was clicked. Everything wraps to a phone's width. State lives in
 * {@link VendingViewModel}.
 */
public final class VendingView extends ScrollPane {
    private final VendingViewModel model;
    private final VBox list = new VBox(0);
    /** The row whose sale prompt is open, by path; only one at a time. */
    private String prompting = "";

    public VendingView(VendingViewModel model) {
        this.model = model;
        setId("vending");
        setFitToWidth(true);
        Label title = Widgets.title(Strings.get("vending.title"));
        Label intro = Widgets.body(Strings.get("vending.body"));

        Label where = Widgets.styled(new Label(), "field-label");
        where.setId("vending-folder");
        where.textProperty().bind(Bindings.createStringBinding(() -> model.folderProperty().get().isEmpty()
                ? Strings.get("vending.top") : model.folderProperty().get(), model.folderProperty()));
        Button up = Widgets.button("vending-up", Strings.get("vending.up"), model::up);
        up.disableProperty().bind(model.folderProperty().isEmpty());
        HBox head = new HBox(12, up, where);
        head.setAlignment(Pos.CENTER_LEFT);

        list.setId("vending-rows");
        model.rows().addListener((ListChangeListener<Row>) change -> fill());
        model.stepProperty().addListener((obs, old, now) -> {
            if (now == Step.MAKING || now == Step.QUOTING) {
                prompting = "";
                fill();
            }
        });
        VBox rows = new VBox(12, head, list);
        rows.getStyleClass().add("card");

        Label error = Widgets.styled(new Label(), "error");
        error.setId("vending-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Button retry = Widgets.button("vending-retry", Strings.get("vending.retry"), model::reload);
        VBox failed = new VBox(10, error, retry);
        failed.visibleProperty().bind(model.stateProperty().isEqualTo(VendingViewModel.State.FAILED));
        failed.managedProperty().bind(failed.visibleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(28, 28);
        HBox loading = new HBox(10, spinner, Widgets.styled(new Label(Strings.get("vending.loading")), "muted"));
        loading.visibleProperty().bind(model.stateProperty().isEqualTo(VendingViewModel.State.LOADING));
        loading.managedProperty().bind(loading.visibleProperty());
        rows.visibleProperty().bind(model.stateProperty().isEqualTo(VendingViewModel.State.READY));
        rows.managedProperty().bind(rows.visibleProperty());

        VBox page = new VBox(16, title, intro, work(), loading, failed, rows);
        page.getStyleClass().add("page");
        setContent(page);
    }

    /** The work line: packaging with its progress, the fee with Send / Not now, sending, the receipt or the failure. */
    private Node work() {
        Label text = Widgets.styled(new Label(), "body");
        text.setId("vending-work-status");
        text.setWrapText(true);
        ProgressBar progress = new ProgressBar();
        progress.setId("vending-work-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.workProgressProperty());
        progress.visibleProperty().bind(model.stepProperty().isEqualTo(Step.MAKING));
        progress.managedProperty().bind(progress.visibleProperty());
        Button confirm = Widgets.primary("vending-confirm", Strings.get("vending.confirm"), model::confirm);
        Button cancel = Widgets.button("vending-cancel", Strings.get("vending.cancel"), model::cancel);
        HBox answer = new HBox(10, confirm, cancel);
        answer.visibleProperty().bind(model.stepProperty().isEqualTo(Step.QUOTED).or(model.stepProperty().isEqualTo(Step.MAKING)));
        answer.managedProperty().bind(answer.visibleProperty());
        confirm.visibleProperty().bind(model.stepProperty().isEqualTo(Step.QUOTED));
        confirm.managedProperty().bind(confirm.visibleProperty());
        Button dismiss = Widgets.button("vending-dismiss", Strings.get("vending.dismiss"), model::dismiss);
        dismiss.visibleProperty().bind(model.stepProperty().isEqualTo(Step.DONE).or(model.stepProperty().isEqualTo(Step.FAILED)));
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        VBox card = new VBox(10, text, progress, answer, dismiss);
        card.setId("vending-work");
        card.getStyleClass().add("card");
        card.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                model.cancel();
                key.consume();
            }
        });
        Runnable update = () -> {
            Step step = model.stepProperty().get();
            String name = model.workNameProperty().get();
            String price = model.workPriceProperty().get();
            String fee = model.workFeeProperty().get();
            String what = model.workProperty().get().name();
            text.getStyleClass().removeAll("error", "success");
            switch (step) {
                case MAKING -> text.setText(Strings.get("vending.step.MAKING", name,
                        Math.round(model.workProgressProperty().get() * 100)));
                case QUOTING -> text.setText(Strings.get("vending.step.QUOTING"));
                case QUOTED -> text.setText(Strings.get("vending.quote." + what, name, price, fee));
                case SENDING -> text.setText(Strings.get("vending.step.SENDING"));
                case CHECKING -> text.setText(Strings.get("vending.step.CHECKING"));
                case DONE -> {
                    text.setText(Strings.get("vending.done." + what, name, price, fee, model.receiptProperty().get()));
                    text.getStyleClass().add("success");
                }
                case FAILED -> {
                    text.setText(model.workErrorProperty().get());
                    text.getStyleClass().add("error");
                }
                default -> text.setText("");
            }
            if (step == Step.QUOTED) {
                confirm.requestFocus();
            }
        };
        model.stepProperty().addListener((obs, old, now) -> update.run());
        model.workProgressProperty().addListener((obs, old, now) -> update.run());
        card.visibleProperty().bind(model.stepProperty().isNotEqualTo(Step.NONE));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private void fill() {
        list.getChildren().clear();
        if (model.rows().isEmpty()) {
            list.getChildren().add(Widgets.styled(new Label(Strings.get("vending.empty")), "muted"));
            return;
        }
        for (Row row : model.rows()) {
            list.getChildren().add(row(row));
        }
    }

    private Node row(Row row) {
        String id = idOf(row);
        Node name;
        if (row.folder()) {
            Button open = Widgets.link("vending-open-" + id, row.name() + "/", () -> model.open(row));
            open.setWrapText(true);
            name = open;
        } else {
            Label label = Widgets.styled(new Label(row.name()), "field-label");
            label.setWrapText(true);
            name = label;
        }
        Label status = Widgets.styled(new Label(statusOf(row)), "muted");
        status.setId("vending-status-" + id);
        status.setWrapText(true);
        VBox words = new VBox(4, name, status);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);

        ToggleButton toggle = new ToggleButton(Strings.get("vending.switch"));
        toggle.setId("vending-switch-" + id);
        toggle.getStyleClass().add("switch");
        toggle.setSelected(row.status() == Status.FOR_SALE);
        toggle.setOnAction(event -> {
            // The switch shows what the chain says: it moves when a reload brings the change, not on the click.
            toggle.setSelected(row.status() == Status.FOR_SALE);
            switch (row.status()) {
                case NOT_FOR_SALE -> {
                    prompting = prompting.equals(row.path()) ? "" : row.path();
                    fill();
                }
                case FOR_SALE -> model.turnOff(row);
                case PAUSED -> model.turnOn(row, row.price(), row.watch());
                default -> { }
            }
        });
        toggle.disableProperty().bind(Bindings.createBooleanBinding(() -> row.status() == Status.UNFINISHED || !model.isIdle(),
                model.stepProperty()));
        HBox line = new HBox(12, words, toggle);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, line);
        if (row.status() == Status.FOR_SALE || row.status() == Status.PAUSED) {
            box.getChildren().add(repricer(row, id));
        }
        if (prompting.equals(row.path()) && row.status() == Status.NOT_FOR_SALE) {
            box.getChildren().add(prompt(row, id));
        }
        box.getStyleClass().add("earnings-row");
        box.setId("vending-row-" + id);
        return box;
    }

    /** The price and what the buyer gets, for a switch being turned on. */
    private Node prompt(Row row, String id) {
        TextField price = new TextField();
        price.setId("vending-price-" + id);
        price.setPromptText(Strings.get("vending.price.prompt"));
        price.setPrefColumnCount(8);
        Label priceLabel = Widgets.styled(new Label(Strings.get("vending.price", model.coin().symbol())), "field-label");
        priceLabel.setLabelFor(price);
        ToggleGroup kinds = new ToggleGroup();
        RadioButton watch = new RadioButton(Strings.get("vending.delivery.watch"));
        watch.setId("vending-watch-" + id);
        watch.setToggleGroup(kinds);
        RadioButton download = new RadioButton(Strings.get("vending.delivery.download"));
        download.setId("vending-download-" + id);
        download.setToggleGroup(kinds);
        download.setSelected(true);
        watch.setDisable(row.folder());
        VBox delivery = new VBox(6, Widgets.styled(new Label(Strings.get("vending.delivery")), "field-label"), watch, download);
        if (row.folder()) {
            Label folderNote = Widgets.styled(new Label(Strings.get("vending.delivery.folder")), "muted");
            folderNote.setWrapText(true);
            delivery.getChildren().add(folderNote);
        }
        Runnable sell = () -> model.turnOn(row, price.getText(), watch.isSelected());
        Button go = Widgets.primary("vending-sell-" + id, Strings.get("vending.sell"), sell);
        go.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.isPrice(price.getText()), price.textProperty()));
        price.setOnAction(event -> {
            if (model.isPrice(price.getText())) {
                sell.run();
            }
        });
        Button close = Widgets.button("vending-prompt-close-" + id, Strings.get("vending.cancel"), () -> {
            prompting = "";
            fill();
        });
        VBox form = new VBox(10, priceLabel, price, delivery, new FlowPane(10, 10, go, close));
        form.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                prompting = "";
                fill();
                key.consume();
            }
        });
        form.getStyleClass().add("vending-prompt");
        javafx.application.Platform.runLater(price::requestFocus);
        return form;
    }

    /** A listed machine's price, changed on chain. */
    private Node repricer(Row row, String id) {
        TextField price = new TextField();
        price.setId("vending-new-price-" + id);
        price.setPromptText(Strings.get("vending.price.prompt"));
        price.setPrefColumnCount(8);
        Runnable apply = () -> model.changePrice(row, price.getText());
        Button go = Widgets.button("vending-reprice-" + id, Strings.get("vending.reprice"), apply);
        go.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.isPrice(price.getText()) || !model.isIdle(),
                price.textProperty(), model.stepProperty()));
        price.setOnAction(event -> {
            if (model.isPrice(price.getText()) && model.isIdle()) {
                apply.run();
            }
        });
        FlowPane line = new FlowPane(10, 8, price, go);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static String statusOf(Row row) {
        String kind = row.hasMachine() ? Strings.get(row.watch() ? "vending.kind.watch" : "vending.kind.download") + " \u00b7 " : "";
        return switch (row.status()) {
            case NOT_FOR_SALE -> Strings.get("vending.status.NOT_FOR_SALE");
            case UNFINISHED -> Strings.get("vending.status.UNFINISHED");
            default -> kind + Strings.get("vending.status." + row.status(), row.price(), row.sold(), row.earned());
        };
    }

    /** A row's id for the keyboard, tests and screen readers: its name with anything but letters and digits as -. */
    static String idOf(Row row) {
        return row.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
