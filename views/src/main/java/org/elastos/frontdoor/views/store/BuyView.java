package org.elastos.frontdoor.views.store;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.Widgets;

import static org.elastos.frontdoor.views.store.BuyViewModel.Stage;

/**
 * Buying one offer: the quote (price, the most the fee can be, the total, the balance), then Confirm; progress
 * through the confirmations; a receipt, or what went wrong in words. Enter confirms, Esc cancels. State lives in
 * {@link BuyViewModel}.
 */
public final class BuyView extends VBox {
    public BuyView(BuyViewModel model, Runnable close, Runnable toLibrary) {
        setId("buy");
        Label title = Widgets.title(Strings.get("buy.title", model.offer().title()));
        title.setWrapText(true);

        GridPane quote = new GridPane();
        quote.getStyleClass().add("receipt-grid");
        row(quote, 0, "buy.price", "buy-price", model.priceProperty());
        row(quote, 1, "buy.fee", "buy-fee", model.feeProperty());
        row(quote, 2, "buy.total", "buy-total", model.totalProperty());
        row(quote, 3, "buy.balance", "buy-balance", model.balanceProperty());
        Label explain = Widgets.styled(new Label(Strings.get("buy.explain")), "muted");
        explain.setWrapText(true);
        Button confirm = Widgets.primary("buy-confirm", Strings.get("buy.confirm"), model::confirm);
        Button cancel = Widgets.button("buy-cancel", Strings.get("buy.cancel"), () -> {
            model.cancel();
            close.run();
        });
        VBox quoted = shownAt(new VBox(14, quote, explain, new HBox(10, confirm, cancel)), model.stageProperty().isEqualTo(Stage.QUOTED));

        Label status = Widgets.styled(new Label(), "body");
        status.setId("buy-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("buy-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        BooleanBinding going = model.stageProperty().isEqualTo(Stage.SENDING).or(model.stageProperty().isEqualTo(Stage.CONFIRMING))
                .or(model.stageProperty().isEqualTo(Stage.PREPARING));
        Button stopWatching = Widgets.link("buy-stop", Strings.get("buy.stop-watching"), () -> {
            model.cancel();
            close.run();
        });
        stopWatching.visibleProperty().bind(model.stageProperty().isNotEqualTo(Stage.PREPARING));
        VBox progress = shownAt(new VBox(10, status, bar, stopWatching), going);

        Label error = Widgets.styled(new Label(), "error");
        error.setId("buy-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Button again = Widgets.primary("buy-again", Strings.get("buy.try-again"), model::prepare);
        Button back = Widgets.button("buy-back", Strings.get("buy.close"), close);
        VBox failed = shownAt(new VBox(12, error, new HBox(10, again, back)), model.stageProperty().isEqualTo(Stage.FAILED));

        Label done = Widgets.styled(new Label(), "success");
        done.setWrapText(true);
        done.textProperty().bind(model.statusProperty());
        GridPane receipt = new GridPane();
        receipt.getStyleClass().add("receipt-grid");
        model.receiptProperty().addListener((obs, old, paid) -> {
            receipt.getChildren().clear();
            if (paid != null) {
                row(receipt, 0, "buy.receipt.paid", "receipt-paid", Bindings.createStringBinding(paid::paid));
                row(receipt, 1, "buy.receipt.fee", "receipt-fee", Bindings.createStringBinding(paid::fee));
                row(receipt, 2, "buy.receipt.block", "receipt-block", Bindings.createStringBinding(paid::block));
                row(receipt, 3, "buy.receipt.transaction", "receipt-transaction", Bindings.createStringBinding(paid::transaction));
            }
        });
        Button library = Widgets.primary("buy-to-library", Strings.get("buy.to-library"), toLibrary);
        Button closeDone = Widgets.button("buy-close", Strings.get("buy.close"), close);
        VBox finished = shownAt(new VBox(14, done, Widgets.styled(new Label(Strings.get("buy.receipt")), "subtitle"), receipt,
                new HBox(10, library, closeDone)), model.stageProperty().isEqualTo(Stage.DONE));

        VBox card = new VBox(18, title, quoted, progress, failed, finished);
        card.getStyleClass().add("card");
        card.setMaxWidth(620);
        getChildren().add(card);
        getStyleClass().add("page");

        model.stageProperty().addListener((obs, old, stage) -> {
            switch (stage) {
                case QUOTED -> confirm.requestFocus();
                case DONE -> library.requestFocus();
                case FAILED -> again.requestFocus();
                default -> { }
            }
        });
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.cancel();
                close.run();
                event.consume();
            }
        });
    }

    private static VBox shownAt(VBox box, ObservableValue<Boolean> when) {
        box.visibleProperty().bind(when);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void row(GridPane grid, int row, String key, String id, ObservableValue<String> value) {
        Label name = Widgets.styled(new Label(Strings.get(key)), "identity-key");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label text = Widgets.styled(new Label(), "identity-value");
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(value);
        grid.addRow(row, name, text);
    }
}
