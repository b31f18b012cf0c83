package org.elastos.frontdoor.views.vending;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.BoxUnreachableException;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.EarningsHistory;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.SentTransaction;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.StoreSetup;
import org.elastos.frontdoor.views.store.StoreWords;
import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paired box's files and folders as vending machines, each with its switch. Turning one on asks the box to package
 * it (with progress), quotes the listing's fee, and only on yes lists it on chain with this identity's account; the
 * box then checks the chain and signs it as listed. Turning it off quotes and sends the pause; turning a paused one on
 * quotes and sends the resume; a price is changed the same way. Nothing changes on a row until the chain says it did:
 * with the chain or the box out of reach, the row stays as it was and the work line says why.
 */
public final class VendingViewModel {
    public enum State { LOADING, READY, FAILED }

    /** Where one file or folder stands. */
    public enum Status {
        NOT_FOR_SALE, FOR_SALE, PAUSED,
        /** Packaged and not listed: being made now, or left half made (the box settles it when it next starts). */
        UNFINISHED
    }

    /** A file or folder of the box and its machine, if it has one. */
    public record Row(String name, String path, boolean folder, long size, Status status, String price, int sold,
                      String earned, Optional<ContentId> contentId, boolean watch) {
        public boolean hasMachine() {
            return status != Status.NOT_FOR_SALE;
        }
    }

    /** The work on one switch, from the first click to the chain's answer. */
    public enum Step { NONE, MAKING, QUOTING, QUOTED, SENDING, CHECKING, DONE, FAILED }

    /** What is being done, for the words on the work line. */
    public enum Work { LIST, PAUSE, RESUME, REPRICE }

    /** Opens a link to the paired box, with this device's token. */
    @FunctionalInterface
    public interface BoxLink {
        BoxClient open();
    }

    private static final int SHOWN_DECIMALS = 6;
    private static final long POLL_MS = 200;
    /** How long the box may take to see a mined listing on its own node before it is left to its next start. */
    private static final int LISTED_CHECKS = 25;

    private final TaskRunner tasks;
    private final Marketplace marketplace;
    private final BoxLink link;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.NONE);
    private final ObjectProperty<Work> work = new SimpleObjectProperty<>(Work.LIST);
    private final StringProperty workName = new SimpleStringProperty("");
    private final StringProperty workPrice = new SimpleStringProperty("");
    private final DoubleProperty workProgress = new SimpleDoubleProperty(0);
    private final StringProperty workFee = new SimpleStringProperty("");
    private final StringProperty workError = new SimpleStringProperty("");
    private final StringProperty receipt = new SimpleStringProperty("");
    private Coin coin = Coin.ELA;
    private BoxClient client;
    private Pending pending;
    private TaskRunner.Running making;

    /** A quoted transaction waiting for yes, and for a new machine, the item the box made for it. */
    private record Pending(Checkout checkout, Optional<StoreItem> made) {
    }

    private record Read(List<Row> rows, Coin coin) {
    }

    /** The box made nothing, and why, in the box's own reason. */
    static final class NotMade extends RuntimeException {
        private final String failure;

        NotMade(String failure) {
            super(failure);
            this.failure = failure;
        }
    }

    public VendingViewModel(TaskRunner tasks, Marketplace marketplace, BoxLink link) {
        this.tasks = tasks;
        this.marketplace = marketplace;
        this.link = link;
    }

    /** Lists the folder shown, each entry with its machine's state on chain. */
    public void reload() {
        state.set(State.LOADING);
        error.set("");
        String shown = folder.get();
        tasks.run(() -> read(shown), done -> {
            coin = done.coin();
            rows.setAll(done.rows());
            state.set(State.READY);
        }, failure -> {
            forget(failure);
            error.set(words(failure));
            state.set(State.FAILED);
        });
    }

    private Read read(String shown) {
        BoxClient box = client();
        List<BoxClient.Entry> entries = box.list(shown);
        Map<String, BoxClient.Machine> bySource = new HashMap<>();
        for (BoxClient.Machine machine : box.machines()) {
            bySource.merge(machine.source(), machine, (a, b) -> a.made().compareTo(b.made()) >= 0 ? a : b);
        }
        Market market = marketplace.market();
        Coin chainCoin = marketplace.rpc().chain().coin();
        EvmAddress account = marketplace.account().evmAddress();
        boolean anyListed = entries.stream().map(entry -> bySource.get(path(shown, entry.name())))
                .anyMatch(machine -> machine != null && !machine.halfMade());
        EarningsHistory history = anyListed ? marketplace.earnings(account) : null;
        List<Row> read = new ArrayList<>();
        for (BoxClient.Entry entry : entries) {
            String path = path(shown, entry.name());
            BoxClient.Machine machine = bySource.get(path);
            if (machine == null) {
                read.add(new Row(entry.name(), path, entry.folder(), entry.size(), Status.NOT_FOR_SALE, "", 0, "",
                        Optional.empty(), false));
                continue;
            }
            ContentId id = ContentId.of(machine.item().contentId());
            boolean watch = machine.item().watch().isPresent();
            Optional<Listing> listing = machine.halfMade() ? Optional.empty() : market.listing(id);
            if (listing.isEmpty()) {
                read.add(new Row(entry.name(), path, entry.folder(), entry.size(), Status.UNFINISHED, "", 0, "", Optional.of(id), watch));
                continue;
            }
            read.add(new Row(entry.name(), path, entry.folder(), entry.size(),
                    listing.get().forSale() ? Status.FOR_SALE : Status.PAUSED, chainCoin.format(listing.get().price()),
                    history.timesSold(id), chainCoin.format(history.byAsset().getOrDefault(id, BigInteger.ZERO),
                    SHOWN_DECIMALS, RoundingMode.FLOOR), Optional.of(id), watch));
        }
        read.sort(Comparator.comparing((Row row) -> !row.folder()).thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return new Read(read, chainCoin);
    }

    private static String path(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    public void open(Row row) {
        if (row.folder() && step.get() == Step.NONE) {
            folder.set(row.path());
            reload();
        }
    }

    public void up() {
        String now = folder.get();
        if (!now.isEmpty() && step.get() == Step.NONE) {
            folder.set(now.contains("/") ? now.substring(0, now.lastIndexOf('/')) : "");
            reload();
        }
    }

    /** Whether {@code text} is a price this chain's coin can be given in, above nothing. */
    public boolean isPrice(String text) {
        try {
            return coin.parse(text.strip()).signum() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Turns a switch on: a row with no machine is packaged by the box, then its listing at {@code price} is quoted; a
     * paused one has its resume quoted. Nothing is sent until {@link #confirm()}.
     */
    public void turnOn(Row row, String price, boolean watch) {
        if (!isIdle()) {
            return;
        }
        if (row.status() == Status.PAUSED) {
            quote(row, Work.RESUME, row.price(), market -> market.setForSale(row.contentId().orElseThrow(), true));
            return;
        }
        if (row.status() != Status.NOT_FOR_SALE) {
            return;
        }
        if (!isPrice(price)) {
            begin(row, Work.LIST, price);
            fail(new IllegalArgumentException("price"));
            return;
        }
        BigInteger amount = coin.parse(price.strip());
        begin(row, Work.LIST, coin.format(amount));
        step.set(Step.MAKING);
        making = tasks.start(task -> make(task, row, watch, amount), (Double fraction) -> workProgress.set(fraction),
                made -> {
                    making = null;
                    pending = made;
                    workFee.set(feeOf(made.checkout()));
                    step.set(Step.QUOTED);
                }, failure -> {
                    making = null;
                    fail(failure);
                });
    }

    private Pending make(TaskRunner.Task<Double> task, Row row, boolean watch, BigInteger amount) {
        BoxClient box = client();
        Market market = marketplace.market();
        BoxClient.MachineJob job = box.makeMachine(row.path(), watch && !row.folder(), "", market.chain().chainId(),
                market.contract(), marketplace.account().evmAddress(), market.chain().rpcUrl());
        while (job.state() == BoxClient.MachineJob.State.RUNNING) {
            task.progress(job.progress());
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotMade("STOPPED");
            }
            job = box.machineJob(job.id());
        }
        if (job.state() == BoxClient.MachineJob.State.FAILED) {
            throw new NotMade(job.failure().orElse("UNKNOWN"));
        }
        task.progress(1.0);
        StoreItem item = job.item().orElseThrow();
        try {
            return new Pending(Checkout.prepare(marketplace.rpc(), marketplace.account(),
                    market.list(ContentId.of(item.contentId()), amount, item.metadataUri())), Optional.of(item));
        } catch (RuntimeException cannotQuote) {
            takeBack(box, item);
            throw cannotQuote;
        }
    }

    /** Turns a switch off: the pause is quoted, then sent on {@link #confirm()}. */
    public void turnOff(Row row) {
        if (row.status() == Status.FOR_SALE && isIdle()) {
            quote(row, Work.PAUSE, row.price(), market -> market.setForSale(row.contentId().orElseThrow(), false));
        }
    }

    /** Quotes a new price for a listed machine, sent on {@link #confirm()}. */
    public void changePrice(Row row, String price) {
        if ((row.status() != Status.FOR_SALE && row.status() != Status.PAUSED) || !isIdle()) {
            return;
        }
        if (!isPrice(price)) {
            begin(row, Work.REPRICE, price);
            fail(new IllegalArgumentException("price"));
            return;
        }
        BigInteger amount = coin.parse(price.strip());
        quote(row, Work.REPRICE, coin.format(amount), market -> market.setPrice(row.contentId().orElseThrow(), amount));
    }

    /** Whether no switch is being worked on: nothing is packaging, quoted, or on its way. */
    public boolean isIdle() {
        return step.get() == Step.NONE || step.get() == Step.DONE || step.get() == Step.FAILED;
    }

    private void quote(Row row, Work what, String price, java.util.function.Function<Market, ContractCall> call) {
        begin(row, what, price);
        step.set(Step.QUOTING);
        tasks.run(() -> new Pending(Checkout.prepare(marketplace.rpc(), marketplace.account(), call.apply(marketplace.market())),
                Optional.empty()), quoted -> {
            pending = quoted;
            workFee.set(feeOf(quoted.checkout()));
            step.set(Step.QUOTED);
        }, this::fail);
    }

    private void begin(Row row, Work what, String price) {
        work.set(what);
        workName.set(row.name());
        workPrice.set(price);
        workProgress.set(0);
        workFee.set("");
        workError.set("");
        receipt.set("");
    }

    private String feeOf(Checkout checkout) {
        Checkout.Quote quote = checkout.quote();
        return quote.coin().format(quote.maxFee(), SHOWN_DECIMALS, RoundingMode.CEILING);
    }

    /** The person said yes: send, and for a new machine have the box check the listing, then read the rows again. */
    public void confirm() {
        if (step.get() != Step.QUOTED || pending == null) {
            return;
        }
        Pending going = pending;
        pending = null;
        step.set(Step.SENDING);
        tasks.run(() -> {
            SentTransaction sent = going.checkout().send(moved -> { });
            if (going.made().isPresent()) {
                tasks.onUiThread(() -> step.set(Step.CHECKING));
                awaitListed(going.made().get());
            }
            return sent;
        }, sent -> {
            receipt.set(coin.format(sent.feePaid(), SHOWN_DECIMALS, RoundingMode.CEILING));
            step.set(Step.DONE);
            reload();
        }, failure -> {
            fail(failure);
            reload();
        });
    }

    /**
     * Asks the box to sign the item as listed, while its node catches up with the block the listing is in. A box that
     * never sees it finishes it at its next start; the listing is on chain either way.
     */
    private void awaitListed(StoreItem item) {
        for (int check = 1; ; check++) {
            try {
                client().machineListed(item.contentIdHex());
                return;
            } catch (BoxRefusedException refused) {
                if (refused.reason() != BoxRefusal.NOT_LISTED || check == LISTED_CHECKS) {
                    throw refused;
                }
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The person said no (or stopped the packaging): nothing is sent, and a machine made for it is taken back. */
    public void cancel() {
        TaskRunner.Running running = making;
        making = null;
        if (running != null) {
            running.cancel();
        }
        Pending dropped = pending;
        pending = null;
        step.set(Step.NONE);
        if (dropped != null && dropped.made().isPresent()) {
            StoreItem item = dropped.made().get();
            tasks.run(() -> {
                takeBack(client(), item);
                return item;
            }, done -> reload(), failure -> reload());
        } else if (running != null) {
            // The box finishes what it started; a machine nobody lists is taken back at its next start.
            reload();
        }
    }

    /** Leaves the work line after a receipt or a failure. */
    public void dismiss() {
        if (step.get() == Step.DONE || step.get() == Step.FAILED) {
            step.set(Step.NONE);
        }
    }

    private static void takeBack(BoxClient box, StoreItem item) {
        try {
            box.takeBackMachine(item.contentIdHex());
        } catch (RuntimeException leftForTheBox) {
            // Never listed, so nobody can buy it; the box takes it back itself when it next starts.
        }
    }

    private void fail(Throwable failure) {
        forget(failure);
        workError.set(words(failure));
        step.set(Step.FAILED);
    }

    /** After the box or the chain stopped answering, the next request connects afresh. */
    private void forget(Throwable failure) {
        if (failure instanceof BoxUnreachableException) {
            closeClient();
        } else if (!(failure instanceof BoxRefusedException) && !(failure instanceof NotMade)
                && !(failure instanceof IllegalArgumentException)) {
            marketplace.forget();
        }
    }

    private String words(Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            return Strings.get("vending.error.price");
        }
        if (failure instanceof NotMade notMade) {
            return Strings.get(switch (notMade.failure) {
                case "NOT_A_FILM" -> "vending.error.not-a-film";
                case "NO_FFMPEG" -> "vending.error.no-ffmpeg";
                case "STOPPED" -> "vending.error.stopped";
                default -> "vending.error.disk";
            });
        }
        if (failure instanceof BoxUnreachableException) {
            return Strings.get("vending.error.box-unreachable");
        }
        if (failure instanceof BoxRefusedException refused) {
            return switch (refused.reason()) {
                case BUSY -> Strings.get("vending.error.busy");
                case NOT_ALLOWED, NOT_ENROLLED, REVOKED, AWAITING_APPROVAL, TOKEN_INVALID -> Strings.get("vending.error.not-owner");
                case NOT_LISTED, CHAIN_UNREACHABLE -> Strings.get("vending.error.box-not-sure");
                case ALREADY_EXISTS -> Strings.get("vending.error.already");
                default -> Strings.get("vending.error.box-refused", refused.reason().name());
            };
        }
        return StoreWords.failure(failure, coin);
    }

    private synchronized BoxClient client() {
        if (client == null || !client.isOpen()) {
            client = link.open();
        }
        return client;
    }

    private synchronized void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public void shutdown() {
        TaskRunner.Running running = making;
        if (running != null) {
            running.cancel();
        }
        closeClient();
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The folder shown, as a box path; empty at the top. */
    public StringProperty folderProperty() {
        return folder;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<Work> workProperty() {
        return work;
    }

    public StringProperty workNameProperty() {
        return workName;
    }

    /** The price being listed or set, in the chain's coin. */
    public StringProperty workPriceProperty() {
        return workPrice;
    }

    /** Packaging progress from 0 to 1. */
    public DoubleProperty workProgressProperty() {
        return workProgress;
    }

    /** The most the quoted transaction's fee can be. */
    public StringProperty workFeeProperty() {
        return workFee;
    }

    public StringProperty workErrorProperty() {
        return workError;
    }

    /** The fee paid, once sent. */
    public StringProperty receiptProperty() {
        return receipt;
    }

    /** The coin prices are in. */
    public Coin coin() {
        return coin;
    }
}
