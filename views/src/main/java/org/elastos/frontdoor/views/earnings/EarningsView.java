package org.elastos.frontdoor.views.earnings;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;
import org.elastos.frontdoor.views.earnings.EarningsViewModel.Withdrawal;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Earnings: what can be withdrawn now (Withdraw quotes the fee, then asks), a bar per day for 7 days, 30 days or all
 * time, for all machines or one, each machine with its sales and royalty shares, and the sales, exported as CSV.
 * Everything wraps to a phone's width. State lives in {@link EarningsViewModel}.
 */
public final class EarningsView extends ScrollPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");

    public EarningsView(EarningsViewModel model, Supplier<Path> exportTo) {
        setId("earnings");
        setFitToWidth(true);
        Label title = Widgets.title(Strings.get("earnings.title"));

        Label owed = Widgets.styled(new Label(), "earnings-amount");
        owed.setId("earnings-withdrawable");
        owed.textProperty().bind(model.withdrawableProperty());
        Label total = Widgets.styled(new Label(), "muted");
        total.textProperty().bind(Bindings.concat(Strings.get("earnings.total"), ": ", model.totalProperty()));
        Button withdraw = Widgets.primary("earnings-withdraw", Strings.get("earnings.withdraw"), model::prepareWithdrawal);
        withdraw.disableProperty().bind(model.withdrawalProperty().isEqualTo(Withdrawal.PREPARING)
                .or(model.withdrawalProperty().isEqualTo(Withdrawal.SENDING)).or(model.withdrawalProperty().isEqualTo(Withdrawal.QUOTED)));
        VBox withdrawable = new VBox(6, Widgets.styled(new Label(Strings.get("earnings.withdrawable")), "field-label"), owed, total,
                withdraw, withdrawal(model));
        withdrawable.getStyleClass().add("card");

        VBox chart = new VBox(10, Widgets.styled(new Label(Strings.get("earnings.chart")), "subtitle"), choices(model), chart(model));
        chart.getStyleClass().add("card");

        VBox machines = new VBox(10);
        machines.setId("earnings-machines");
        model.machines().addListener((ListChangeListener<EarningsViewModel.Machine>) change -> fillMachines(model, machines));
        VBox machinesCard = new VBox(10, Widgets.styled(new Label(Strings.get("earnings.machines")), "subtitle"), giving(model), machines);
        machinesCard.getStyleClass().add("card");

        VBox sales = new VBox(8);
        sales.setId("earnings-sales");
        model.sales().addListener((ListChangeListener<EarningsViewModel.Sale>) change -> fillSales(model, sales));
        Label exported = Widgets.styled(new Label(), "success");
        exported.setId("earnings-exported");
        exported.setWrapText(true);
        Button export = Widgets.button("earnings-export", Strings.get("earnings.export"), () -> {
            Path file = exportTo.get();
            model.exportCsv(file, () -> {
                exported.getStyleClass().setAll("label", "success");
                exported.setText(Strings.get("earnings.exported", file));
            }, why -> {
                // The screen stays as it is; only this line says the export did not happen.
                exported.getStyleClass().setAll("label", "error");
                exported.setText(why);
            });
        });
        export.disableProperty().bind(Bindings.isEmpty(model.sales()));
        HBox salesHead = new HBox(12, Widgets.styled(new Label(Strings.get("earnings.sales")), "subtitle"), export);
        VBox salesCard = new VBox(10, salesHead, exported, sales);
        salesCard.getStyleClass().add("card");

        Label error = Widgets.styled(new Label(), "error");
        error.setId("earnings-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Button retry = Widgets.button("earnings-retry", Strings.get("earnings.retry"), model::reload);
        VBox failed = new VBox(10, error, retry);
        failed.visibleProperty().bind(model.stateProperty().isEqualTo(EarningsViewModel.State.FAILED));
        failed.managedProperty().bind(failed.visibleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(28, 28);
        Label loadingText = Widgets.styled(new Label(Strings.get("earnings.loading")), "muted");
        HBox loading = new HBox(10, spinner, loadingText);
        loading.visibleProperty().bind(model.stateProperty().isEqualTo(EarningsViewModel.State.LOADING));
        loading.managedProperty().bind(loading.visibleProperty());

        VBox shown = new VBox(16, withdrawable, chart, machinesCard, salesCard);
        shown.visibleProperty().bind(model.stateProperty().isEqualTo(EarningsViewModel.State.READY));
        shown.managedProperty().bind(shown.visibleProperty());
        VBox page = new VBox(16, title, loading, failed, shown);
        page.getStyleClass().add("page");
        setContent(page);
    }

    /** The withdrawal's own line: the quote with Withdraw now / Not now, progress, the receipt, or what went wrong. */
    private static Node withdrawal(EarningsViewModel model) {
        Label text = Widgets.styled(new Label(), "body");
        text.setId("earnings-withdraw-status");
        text.setWrapText(true);
        Button confirm = Widgets.primary("earnings-withdraw-confirm", Strings.get("earnings.withdraw.confirm"), model::confirmWithdrawal);
        Button cancel = Widgets.button("earnings-withdraw-cancel", Strings.get("earnings.withdraw.cancel"), model::cancelWithdrawal);
        HBox answer = new HBox(10, confirm, cancel);
        answer.setOnKeyPressed(key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                model.cancelWithdrawal();
                key.consume();
            }
        });
        answer.visibleProperty().bind(model.withdrawalProperty().isEqualTo(Withdrawal.QUOTED));
        answer.managedProperty().bind(answer.visibleProperty());
        Runnable update = () -> {
            Withdrawal stage = model.withdrawalProperty().get();
            text.getStyleClass().removeAll("error", "success");
            switch (stage) {
                case PREPARING -> text.setText(Strings.get("earnings.withdraw.preparing"));
                case QUOTED -> text.setText(Strings.get("earnings.withdraw.quote", model.withdrawableProperty().get(),
                        model.withdrawalFeeProperty().get()));
                case SENDING -> text.setText(Strings.get("earnings.withdraw.sending"));
                case DONE -> {
                    EarningsViewModel.Receipt paid = model.receiptProperty().get();
                    text.setText(Strings.get("earnings.withdraw.done", paid.amount(), paid.fee(), paid.transaction()));
                    text.getStyleClass().add("success");
                }
                case FAILED -> {
                    text.setText(model.withdrawalErrorProperty().get());
                    text.getStyleClass().add("error");
                }
                default -> text.setText("");
            }
            if (stage == Withdrawal.QUOTED) {
                confirm.requestFocus();
            }
        };
        model.withdrawalProperty().addListener((obs, old, now) -> update.run());
        text.visibleProperty().bind(model.withdrawalProperty().isNotEqualTo(Withdrawal.NONE));
        text.managedProperty().bind(text.visibleProperty());
        return new VBox(8, text, answer);
    }

    /** A gift of shares' own line: the quote with the next sale's split and Give now / Not now, progress, or what went wrong. */
    private static Node giving(EarningsViewModel model) {
        Label text = Widgets.styled(new Label(), "body");
        text.setId("earnings-give-status");
        text.setWrapText(true);
        VBox split = new VBox(4);
        split.setId("earnings-give-split");
        Button confirm = Widgets.primary("earnings-give-confirm", Strings.get("earnings.give.confirm"), model::confirmGift);
        Button cancel = Widgets.button("earnings-give-cancel", Strings.get("earnings.withdraw.cancel"), model::cancelGift);
        HBox answer = new HBox(10, confirm, cancel);
        answer.visibleProperty().bind(model.givingProperty().isEqualTo(Withdrawal.QUOTED));
        answer.managedProperty().bind(answer.visibleProperty());
        Runnable update = () -> {
            Withdrawal stage = model.givingProperty().get();
            EarningsViewModel.Gift gift = model.giftProperty().get();
            text.getStyleClass().removeAll("error", "success");
            split.getChildren().clear();
            switch (stage) {
                case PREPARING -> text.setText(Strings.get("earnings.withdraw.preparing"));
                case QUOTED -> {
                    text.setText(Strings.get("earnings.give.quote", gift.shares().units(), gift.shares().percent(), gift.machine(),
                            gift.to().value(), gift.fee()));
                    for (String part : gift.nextSale()) {
                        Label line = Widgets.styled(new Label(part), "identity-key");
                        line.setWrapText(true);
                        split.getChildren().add(line);
                    }
                    confirm.requestFocus();
                }
                case SENDING -> text.setText(Strings.get("earnings.withdraw.sending"));
                case DONE -> {
                    text.setText(Strings.get("earnings.give.done"));
                    text.getStyleClass().add("success");
                }
                case FAILED -> {
                    text.setText(model.givingErrorProperty().get());
                    text.getStyleClass().add("error");
                }
                default -> text.setText("");
            }
        };
        model.givingProperty().addListener((obs, old, now) -> update.run());
        VBox box = new VBox(8, text, split, answer);
        box.setOnKeyPressed(key -> {
            if (key.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                model.cancelGift();
                key.consume();
            }
        });
        box.visibleProperty().bind(model.givingProperty().isNotEqualTo(Withdrawal.NONE));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The form that gives some of a machine's shares away, under its row. */
    private static Node giveForm(EarningsViewModel model, EarningsViewModel.Machine machine, String id) {
        javafx.scene.control.TextField to = new javafx.scene.control.TextField();
        to.setId("earnings-give-to-" + id);
        to.setPromptText(Strings.get("earnings.give.to.prompt"));
        javafx.scene.control.TextField shares = new javafx.scene.control.TextField();
        shares.setId("earnings-give-shares-" + id);
        shares.setPromptText("250");
        shares.setPrefColumnCount(6);
        Label toLabel = Widgets.styled(new Label(Strings.get("earnings.give.to")), "field-label");
        toLabel.setLabelFor(to);
        Label sharesLabel = Widgets.styled(new Label(Strings.get("earnings.give.shares")), "field-label");
        sharesLabel.setLabelFor(shares);
        sharesLabel.setWrapText(true);
        Runnable quote = () -> model.prepareGift(machine.contentId(), to.getText(), shares.getText());
        Button go = Widgets.button("earnings-give-quote-" + id, Strings.get("earnings.give"), quote);
        go.disableProperty().bind(to.textProperty().isEmpty().or(shares.textProperty().isEmpty())
                .or(model.givingProperty().isEqualTo(Withdrawal.PREPARING)).or(model.givingProperty().isEqualTo(Withdrawal.SENDING)));
        shares.setOnAction(event -> {
            if (!go.isDisabled()) {
                quote.run();
            }
        });
        VBox form = new VBox(6, toLabel, to, sharesLabel, shares, go);
        form.getStyleClass().add("vending-prompt");
        return form;
    }

    private static Node choices(EarningsViewModel model) {
        ToggleGroup ranges = new ToggleGroup();
        HBox buttons = new HBox(6);
        for (EarningsViewModel.Range range : EarningsViewModel.Range.values()) {
            ToggleButton button = new ToggleButton(Strings.get("earnings.range." + range.name()));
            button.setId("earnings-range-" + range.name().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().add("chip");
            button.setToggleGroup(ranges);
            button.setSelected(model.rangeProperty().get() == range);
            button.setOnAction(event -> {
                model.rangeProperty().set(range);
                button.setSelected(true);
            });
            buttons.getChildren().add(button);
        }
        ComboBox<Optional<ContentId>> machine = new ComboBox<>();
        machine.setId("earnings-machine");
        machine.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<ContentId> id) {
                return id == null || id.isEmpty() ? Strings.get("earnings.all-machines") : model.machines().stream()
                        .filter(m -> m.contentId().equals(id.get())).map(EarningsViewModel.Machine::name).findFirst().orElse(id.get().hex());
            }

            @Override
            public Optional<ContentId> fromString(String text) {
                return Optional.empty();
            }
        });
        model.machines().addListener((ListChangeListener<EarningsViewModel.Machine>) change -> {
            machine.getItems().setAll(Optional.empty());
            model.machines().forEach(m -> machine.getItems().add(Optional.of(m.contentId())));
            machine.setValue(model.onlyProperty().get());
        });
        machine.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.onlyProperty().set(now);
            }
        });
        FlowPane row = new FlowPane(12, 10, buttons, machine);
        return row;
    }

    private static Node chart(EarningsViewModel model) {
        CategoryAxis days = new CategoryAxis();
        NumberAxis coins = new NumberAxis();
        coins.setForceZeroInRange(true);
        BarChart<String, Number> chart = new BarChart<>(days, coins);
        chart.setId("earnings-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(220);
        chart.setPrefHeight(260);
        chart.setCategoryGap(4);
        Runnable fill = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            model.points().forEach(point -> series.getData().add(new XYChart.Data<>(DAY.format(point.day()), point.coins())));
            chart.getData().setAll(java.util.List.of(series));
        };
        model.points().addListener((ListChangeListener<EarningsViewModel.Point>) change -> fill.run());
        fill.run();
        return chart;
    }

    private static void fillMachines(EarningsViewModel model, VBox into) {
        into.getChildren().clear();
        for (EarningsViewModel.Machine machine : model.machines()) {
            Label name = Widgets.styled(new Label(machine.name()), "field-label");
            name.setWrapText(true);
            Label facts = Widgets.styled(new Label(Strings.get("earnings.machine.sold", machine.sold(), machine.earned(),
                    machine.yourShares())), "muted");
            facts.setWrapText(true);
            VBox row = new VBox(4, name, facts);
            for (String holder : machine.holders()) {
                Label line = Widgets.styled(new Label(holder), "identity-key");
                line.setWrapText(true);
                row.getChildren().add(line);
            }
            if (!machine.yourShares().equals("0%")) {
                String id = machine.contentId().hex().substring(2, 10);
                VBox form = new VBox();
                Button give = Widgets.link("earnings-give-" + id, Strings.get("earnings.give"), () -> {
                    if (form.getChildren().isEmpty()) {
                        form.getChildren().add(giveForm(model, machine, id));
                    } else {
                        form.getChildren().clear();
                    }
                });
                row.getChildren().addAll(give, form);
            }
            row.getStyleClass().add("earnings-row");
            into.getChildren().add(row);
        }
    }

    private static void fillSales(EarningsViewModel model, VBox into) {
        into.getChildren().clear();
        if (model.sales().isEmpty()) {
            into.getChildren().add(Widgets.styled(new Label(Strings.get("earnings.sales.none")), "muted"));
            return;
        }
        for (EarningsViewModel.Sale sale : model.sales()) {
            Label line = Widgets.styled(new Label(Strings.get("earnings.sale", sale.time(), shortAddress(sale.buyer()), sale.item(),
                    sale.price(), sale.credit())), "body");
            line.setWrapText(true);
            into.getChildren().add(line);
        }
    }

    private static String shortAddress(String address) {
        return address.length() > 12 ? address.substring(0, 6) + "\u2026" + address.substring(address.length() - 4) : address;
    }
}
