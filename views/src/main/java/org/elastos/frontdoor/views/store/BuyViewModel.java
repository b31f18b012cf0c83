package org.elastos.frontdoor.views.store;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * Buying one offer, as the command line's {@code market buy} does it (the same {@link Checkout}): the price, the
 * most the fee can be and the total are shown, and the balance checked, before anything is signed; then, once the
 * person confirms, sending, mining and each confirmation are shown until the purchase counts, and a receipt.
 */
public final class BuyViewModel {
    public enum Stage {
        /** Asking the chain for the fee and the balance. */
        PREPARING,
        /** The quote is shown; nothing is signed until {@link #confirm()}. */
        QUOTED,
        /** Signed and sent; waiting for it to be mined, then confirmed. */
        SENDING,
        CONFIRMING,
        /** It counts: the film is in the Library. */
        DONE,
        FAILED
    }

    /** What the purchase came to, for the receipt. */
    public record Receipt(String transaction, String block, String paid, String fee, Optional<String> explorer) {
    }

    /** Fees (rounded up) and balances (rounded down) are shown to this many decimals, not eighteen. */
    private static final int SHOWN_DECIMALS = 6;

    private final TaskRunner tasks;
    private final Marketplace marketplace;
    private final Offer offer;
    private final Duration poll;
    private final Duration patience;
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.PREPARING);
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty fee = new SimpleStringProperty("");
    private final StringProperty total = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Receipt> receipt = new SimpleObjectProperty<>();
    private Coin coin = Coin.ELA;
    private Checkout checkout;
    private TaskRunner.Running sending;

    /**
     * @param poll     how often the chain is asked for new blocks while confirming
     * @param patience how long confirmations are awaited before saying the purchase has not counted yet
     */
    public BuyViewModel(TaskRunner tasks, Marketplace marketplace, Offer offer, Duration poll, Duration patience) {
        this.tasks = tasks;
        this.marketplace = marketplace;
        this.offer = offer;
        this.poll = poll;
        this.patience = patience;
    }

    /** Quotes the purchase: nothing is signed. */
    public void prepare() {
        stage.set(Stage.PREPARING);
        error.set("");
        status.set(Strings.get("buy.preparing"));
        tasks.run(() -> {
            coin = marketplace.rpc().chain().coin();
            return Checkout.prepare(marketplace.rpc(), marketplace.account(),
                    Checkout.purchase(marketplace.market(), offer.listing().contentId()));
        }, prepared -> {
            checkout = prepared;
            Checkout.Quote quote = prepared.quote();
            price.set(coin.format(quote.value()));
            fee.set(coin.format(quote.maxFee(), SHOWN_DECIMALS, RoundingMode.CEILING));
            total.set(coin.format(quote.maxTotal(), SHOWN_DECIMALS, RoundingMode.CEILING));
            balance.set(coin.format(quote.balance(), SHOWN_DECIMALS, RoundingMode.FLOOR));
            status.set("");
            stage.set(Stage.QUOTED);
        }, this::failed);
    }

    /** The person said yes to the quote: sign, send, and follow it until it counts. */
    public void confirm() {
        if (stage.get() != Stage.QUOTED || checkout == null) {
            return;
        }
        Checkout going = checkout;
        checkout = null;
        stage.set(Stage.SENDING);
        status.set(Strings.get("buy.sending"));
        progress.set(-1);
        sending = tasks.<Receipt, Checkout.Step>start(task -> {
            SentTransaction sent = going.send(task::progress);
            try {
                going.awaitConfirmations(sent, task::progress, poll, patience);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Receipt(sent.hash(), sent.blockNumber().toString(), coin.format(offer.listing().price()),
                    coin.format(sent.feePaid(), SHOWN_DECIMALS, RoundingMode.CEILING),
                    going.explorerLink(sent).map(Object::toString));
        }, this::step, paid -> {
            receipt.set(paid);
            status.set(Strings.get("buy.done", offer.title()));
            progress.set(1);
            stage.set(Stage.DONE);
        }, this::failed);
    }

    private void step(Checkout.Step step) {
        if (step instanceof Checkout.Step.Sending) {
            status.set(Strings.get("buy.sending"));
        } else if (step instanceof Checkout.Step.Mined) {
            stage.set(Stage.CONFIRMING);
            status.set(Strings.get("buy.mined"));
        } else if (step instanceof Checkout.Step.Confirming confirming) {
            stage.set(Stage.CONFIRMING);
            status.set(Strings.get("buy.confirming", confirming.confirmations(), confirming.needed()));
            progress.set(confirming.needed() == 0 ? 1 : (double) confirming.confirmations() / confirming.needed());
        }
    }

    private void failed(Throwable failure) {
        error.set(StoreWords.failure(failure, coin));
        status.set("");
        progress.set(0);
        stage.set(Stage.FAILED);
    }

    /**
     * Leaves the purchase. Before it is sent nothing happens; once sent it cannot be taken back, so this only stops
     * following it (it may still count, and then shows in the Library).
     */
    public void cancel() {
        checkout = null;
        if (sending != null) {
            sending.cancel();
        }
    }

    public Offer offer() {
        return offer;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public StringProperty priceProperty() {
        return price;
    }

    public StringProperty feeProperty() {
        return fee;
    }

    public StringProperty totalProperty() {
        return total;
    }

    public StringProperty balanceProperty() {
        return balance;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** From 0 to 1 through the confirmations; -1 while only waiting. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Receipt> receiptProperty() {
        return receipt;
    }
}
