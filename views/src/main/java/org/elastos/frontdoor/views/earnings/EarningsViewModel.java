package org.elastos.frontdoor.views.earnings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.EarningsHistory;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.RoyaltyShares;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.Offer;
import org.elastos.frontdoor.views.store.StoreSetup;
import org.elastos.frontdoor.views.store.StoreWords;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the open identity's machines earned, read from the chain's events alone: what can be withdrawn now, earnings
 * per day for a week, a month or all time (for every machine, or one), each machine's sales and who holds its
 * royalty shares, the sales one by one (exported as CSV), and a withdrawal quoted before it is sent, with its receipt.
 */
public final class EarningsViewModel {
    public enum State { LOADING, READY, FAILED }

    /** How far back the chart looks. */
    public enum Range {
        WEEK(7), MONTH(30), ALL(0);

        private final int days;

        Range(int days) {
            this.days = days;
        }
    }

    /** One day's earnings, in the chain's coin (a double is exact enough for a bar's height; words use the wei). */
    public record Point(LocalDate day, double coins, String amount) {
    }

    /** One machine: what it is, how often it sold, what it earned this account, and its royalty shares. */
    public record Machine(ContentId contentId, String name, int sold, String earned, String yourShares, List<String> holders) {
    }

    /** One sale as the list shows it. */
    public record Sale(String time, String item, String buyer, String price, String credit) {
    }

    /** A withdrawal's or a gift of shares' way: quoted, then sent, then its receipt. */
    public enum Withdrawal { NONE, PREPARING, QUOTED, SENDING, DONE, FAILED }

    /** A gift of royalty shares as quoted: to whom, how many, and how the next sale would split once it is made. */
    public record Gift(ContentId contentId, String machine, EvmAddress to, RoyaltyShares shares, String fee, List<String> nextSale) {
    }

    public record Receipt(String amount, String fee, String transaction) {
    }

    private static final int SHOWN_DECIMALS = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final TaskRunner tasks;
    private final Marketplace marketplace;
    private final Clock clock;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty withdrawable = new SimpleStringProperty("");
    private final StringProperty total = new SimpleStringProperty("");
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.WEEK);
    private final ObjectProperty<Optional<ContentId>> only = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final ObservableList<Machine> machines = FXCollections.observableArrayList();
    private final ObservableList<Sale> sales = FXCollections.observableArrayList();
    private final ObjectProperty<Withdrawal> withdrawal = new SimpleObjectProperty<>(Withdrawal.NONE);
    private final StringProperty withdrawalFee = new SimpleStringProperty("");
    private final StringProperty withdrawalError = new SimpleStringProperty("");
    private final ObjectProperty<Receipt> receipt = new SimpleObjectProperty<>();
    private final ObjectProperty<Withdrawal> giving = new SimpleObjectProperty<>(Withdrawal.NONE);
    private final ObjectProperty<Gift> gift = new SimpleObjectProperty<>();
    private final StringProperty givingError = new SimpleStringProperty("");
    private Read read;
    private Checkout checkout;
    private Checkout giftCheckout;

    /** What one read of the chain gave. */
    private record Read(EarningsHistory history, BigInteger withdrawable, Coin coin, Map<ContentId, String> names,
                        Map<ContentId, Listing> listings, EvmAddress account) {
    }

    public EarningsViewModel(TaskRunner tasks, Marketplace marketplace, Clock clock) {
        this.tasks = tasks;
        this.marketplace = marketplace;
        this.clock = clock;
        range.addListener((obs, old, now) -> show());
        only.addListener((obs, old, now) -> show());
    }

    /** Reads the chain again: the events, what can be withdrawn, and the names of the machines from their boxes. */
    public void reload() {
        state.set(State.LOADING);
        error.set("");
        tasks.run(() -> {
            EvmAddress account = marketplace.account().evmAddress();
            EarningsHistory history = marketplace.earnings(account);
            BigInteger owed = marketplace.market().withdrawable(account);
            Map<ContentId, String> names = new HashMap<>();
            Map<ContentId, Listing> listings = new HashMap<>();
            for (Listing listing : marketplace.shelf().listings()) {
                if (listing.seller().equals(account) || history.holders(listing.contentId()).containsKey(account)) {
                    names.put(listing.contentId(), Offer.describe(listing, marketplace.sellers(), marketplace.rpc().chain()).title());
                    listings.put(listing.contentId(), listing);
                }
            }
            return new Read(history, owed, marketplace.rpc().chain().coin(), names, listings, account);
        }, done -> {
            read = done;
            withdrawable.set(done.coin().format(done.withdrawable(), SHOWN_DECIMALS, RoundingMode.FLOOR));
            total.set(done.coin().format(done.history().total(), SHOWN_DECIMALS, RoundingMode.FLOOR));
            show();
            state.set(State.READY);
        }, failure -> {
            marketplace.forget();
            error.set(StoreWords.failure(failure, Coin.ELA));
            state.set(State.FAILED);
        });
    }

    /** Fills the chart, the machines and the sales from the last read, for the range and machine chosen. */
    private void show() {
        if (read == null) {
            return;
        }
        EarningsHistory history = read.history();
        Coin coin = read.coin();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = range.get() == Range.ALL
                ? history.entries().stream().map(EarningsHistory.Entry::day).min(LocalDate::compareTo).orElse(today)
                : today.minusDays(range.get().days - 1L);
        List<Point> chart = new ArrayList<>();
        history.perDay(from, today, only.get()).forEach((day, amount) -> chart.add(new Point(day,
                new BigDecimal(amount, coin.decimals()).doubleValue(), coin.format(amount, SHOWN_DECIMALS, RoundingMode.FLOOR))));
        points.setAll(chart);

        List<Machine> rows = new ArrayList<>();
        Map<ContentId, BigInteger> earned = history.byAsset();
        for (Map.Entry<ContentId, String> machine : read.names().entrySet()) {
            ContentId id = machine.getKey();
            Map<EvmAddress, RoyaltyShares> holders = history.holders(id);
            List<String> others = new ArrayList<>();
            holders.forEach((holder, shares) -> others.add(Strings.get("earnings.holder", holder.value(), shares.units(), percent(shares))));
            rows.add(new Machine(id, machine.getValue(), history.timesSold(id),
                    coin.format(earned.getOrDefault(id, BigInteger.ZERO), SHOWN_DECIMALS, RoundingMode.FLOOR),
                    percent(holders.getOrDefault(read.account(), new RoyaltyShares(0))), others));
        }
        rows.sort(java.util.Comparator.comparing(Machine::name));
        machines.setAll(rows);

        List<Sale> list = new ArrayList<>();
        for (EarningsHistory.Sale sale : history.sales()) {
            if (only.get().map(sale.contentId()::equals).orElse(true)) {
                list.add(0, new Sale(TIME.format(sale.time()), name(sale.contentId()), sale.buyer().value(),
                        coin.format(sale.price()), coin.format(sale.credit())));
            }
        }
        sales.setAll(list);
    }

    private String name(ContentId id) {
        return read.names().getOrDefault(id, id.hex());
    }

    private static String percent(RoyaltyShares shares) {
        return new BigDecimal(shares.units()).movePointLeft(1).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * Writes the sales as CSV to {@code file} (atomically: a half-written file never stands where it should be);
     * {@code failed} hears, in words, why it could not.
     */
    public void exportCsv(Path file, Runnable done, java.util.function.Consumer<String> failed) {
        if (read == null) {
            return;
        }
        Read shown = read;
        tasks.run(() -> {
            try {
                AtomicFile.write(file, shown.history().csv(this::name, shown.coin()).getBytes(StandardCharsets.UTF_8));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, written -> done.run(), failure -> failed.accept(Strings.get("earnings.export-failed", file.getFileName())));
    }

    /** Quotes a withdrawal of everything owed: nothing is signed until {@link #confirmWithdrawal()}. */
    public void prepareWithdrawal() {
        withdrawal.set(Withdrawal.PREPARING);
        withdrawalError.set("");
        tasks.run(() -> Checkout.prepare(marketplace.rpc(), marketplace.account(), marketplace.market().withdraw()), prepared -> {
            checkout = prepared;
            withdrawalFee.set(prepared.quote().coin().format(prepared.quote().maxFee(), SHOWN_DECIMALS, RoundingMode.CEILING));
            withdrawal.set(Withdrawal.QUOTED);
        }, this::withdrawalFailed);
    }

    /** The person said yes: sign and send the withdrawal, then read everything again. */
    public void confirmWithdrawal() {
        if (withdrawal.get() != Withdrawal.QUOTED || checkout == null || read == null) {
            return;
        }
        Checkout going = checkout;
        checkout = null;
        Coin coin = read.coin();
        String amount = coin.format(read.withdrawable());
        withdrawal.set(Withdrawal.SENDING);
        tasks.run(() -> going.send(step -> { }), (SentTransaction sent) -> {
            receipt.set(new Receipt(amount, coin.format(sent.feePaid(), SHOWN_DECIMALS, RoundingMode.CEILING), sent.hash()));
            withdrawal.set(Withdrawal.DONE);
            reload();
        }, this::withdrawalFailed);
    }

    public void cancelWithdrawal() {
        checkout = null;
        withdrawal.set(Withdrawal.NONE);
    }

    private void withdrawalFailed(Throwable failure) {
        checkout = null;
        withdrawalError.set(StoreWords.failure(failure, read == null ? Coin.ELA : read.coin()));
        withdrawal.set(Withdrawal.FAILED);
    }

    /**
     * Quotes a gift of {@code shares} (a count of 0.1% units, like 250, or a percentage, like 25%) of a machine's
     * royalty shares to {@code address}, with the split of its next sale once given. Nothing is signed until
     * {@link #confirmGift()}.
     */
    public void prepareGift(ContentId contentId, String address, String shares) {
        if (read == null) {
            return;
        }
        Read shown = read;
        giving.set(Withdrawal.PREPARING);
        givingError.set("");
        gift.set(null);
        EvmAddress to;
        RoyaltyShares given;
        try {
            to = new EvmAddress(address.strip());
            given = RoyaltyShares.parse(shares);
        } catch (IllegalArgumentException | org.elastos.frontdoor.wallet.WalletException e) {
            givingError.set(Strings.get("earnings.give.error.input"));
            giving.set(Withdrawal.FAILED);
            return;
        }
        Map<EvmAddress, RoyaltyShares> holders = new HashMap<>(shown.history().holders(contentId));
        long mine = holders.getOrDefault(shown.account(), new RoyaltyShares(0)).units();
        if (given.units() == 0 || given.units() > mine || to.equals(shown.account())) {
            givingError.set(Strings.get("earnings.give.error.shares", mine));
            giving.set(Withdrawal.FAILED);
            return;
        }
        holders.put(shown.account(), new RoyaltyShares(mine - given.units()));
        holders.merge(to, given, (a, b) -> new RoyaltyShares(a.units() + b.units()));
        Optional<Listing> listing = Optional.ofNullable(shown.listings().get(contentId));
        List<String> split = new ArrayList<>();
        listing.ifPresent(sold -> EarningsHistory.split(holders, sold.price(), sold.seller()).forEach((holder, part) -> {
            if (part.signum() > 0) {
                split.add(Strings.get("earnings.give.part", holder.value(), shown.coin().format(part)));
            }
        }));
        tasks.run(() -> Checkout.prepare(marketplace.rpc(), marketplace.account(),
                marketplace.market().transferShares(shown.account(), to, contentId, given)), prepared -> {
            giftCheckout = prepared;
            gift.set(new Gift(contentId, name(contentId), to, given, prepared.quote().coin().format(prepared.quote().maxFee(),
                    SHOWN_DECIMALS, RoundingMode.CEILING), split));
            giving.set(Withdrawal.QUOTED);
        }, this::givingFailed);
    }

    /** The person said yes: the shares go, then everything is read again. */
    public void confirmGift() {
        if (giving.get() != Withdrawal.QUOTED || giftCheckout == null) {
            return;
        }
        Checkout going = giftCheckout;
        giftCheckout = null;
        giving.set(Withdrawal.SENDING);
        tasks.run(() -> going.send(step -> { }), sent -> {
            giving.set(Withdrawal.DONE);
            reload();
        }, this::givingFailed);
    }

    public void cancelGift() {
        giftCheckout = null;
        giving.set(Withdrawal.NONE);
    }

    private void givingFailed(Throwable failure) {
        giftCheckout = null;
        givingError.set(StoreWords.failure(failure, read == null ? Coin.ELA : read.coin()));
        giving.set(Withdrawal.FAILED);
    }

    public ObjectProperty<Withdrawal> givingProperty() {
        return giving;
    }

    /** The gift quoted, or last sent. */
    public ObjectProperty<Gift> giftProperty() {
        return gift;
    }

    public StringProperty givingErrorProperty() {
        return givingError;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty withdrawableProperty() {
        return withdrawable;
    }

    public StringProperty totalProperty() {
        return total;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** The machine the chart and the sales are for; empty for all. */
    public ObjectProperty<Optional<ContentId>> onlyProperty() {
        return only;
    }

    public ObservableList<Point> points() {
        return points;
    }

    public ObservableList<Machine> machines() {
        return machines;
    }

    public ObservableList<Sale> sales() {
        return sales;
    }

    public ObjectProperty<Withdrawal> withdrawalProperty() {
        return withdrawal;
    }

    public StringProperty withdrawalFeeProperty() {
        return withdrawalFee;
    }

    public StringProperty withdrawalErrorProperty() {
        return withdrawalError;
    }

    public ObjectProperty<Receipt> receiptProperty() {
        return receipt;
    }
}
