package org.elastos.frontdoor.views.store;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.elastos.frontdoor.market.ChainProfile;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.market.Shelf;
import org.elastos.frontdoor.views.TaskRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The Store, and the Library (the same shelf, narrowed to what the account may watch): the listings come from the
 * chain first, each saying its seller is being asked; then each seller's box describes its item, one by one, so a
 * box that is offline slows only its own listing, which says so instead of vanishing.
 */
public final class StoreViewModel {
    public enum State { LOADING, READY, FAILED }

    /** What the background work reports as it goes. */
    private sealed interface Update {
        record Listed(List<Offer> offers, ChainProfile chain) implements Update {
        }

        record Described(int index, Offer offer) implements Update {
        }

        /** Every card asked about has its answer: the screen is ready, though it may go on looking. */
        record Settled() implements Update {
        }
    }

    /** How many sellers' boxes are asked at once. */
    private static final int SELLERS_AT_ONCE = 4;
    /** How often the app reads the shelf again while its section is open. */
    public static final Duration LOOK_AGAIN = Duration.ofSeconds(3);
    /** How many more times a card whose seller's box did not vouch for it is asked, {@link #LOOK_AGAIN} apart. */
    static final int ASK_AGAIN = 5;

    private final TaskRunner tasks;
    private final Marketplace marketplace;
    private final Function<Shelf, List<Listing>> narrow;
    private final ObservableList<Offer> offers = FXCollections.observableArrayList();
    private final FilteredList<Offer> shown = new FilteredList<>(offers);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Offer> selected = new SimpleObjectProperty<>();
    private Coin coin = Coin.ELA;
    private final StringProperty chainName = new SimpleStringProperty("");
    private Optional<Duration> lookAgain = Optional.empty();
    private TaskRunner.Running loading;

    /** The Store: every listing for sale. */
    public static StoreViewModel store(TaskRunner tasks, Marketplace marketplace) {
        return new StoreViewModel(tasks, marketplace, Shelf::forSale);
    }

    /** The Library: what the open identity's account has the right to watch. */
    public static StoreViewModel library(TaskRunner tasks, Marketplace marketplace) {
        return new StoreViewModel(tasks, marketplace,
                shelf -> shelf.ownedBy(marketplace.market().rightsOracle(), marketplace.account().evmAddress()));
    }

    private StoreViewModel(TaskRunner tasks, Marketplace marketplace, Function<Shelf, List<Listing>> narrow) {
        this.tasks = tasks;
        this.marketplace = marketplace;
        this.narrow = narrow;
        search.addListener((obs, old, query) -> shown.setPredicate(offer -> offer.matches(query)));
    }

    /**
     * Until {@link #shutdown()} (the section is left), the shelf is read again every {@code every}: new listings
     * appear, changed ones are asked about again, and a card whose seller's box did not vouch for it is asked again
     * {@value #ASK_AGAIN} times. Without this, a load reads and asks once.
     */
    public StoreViewModel lookingAgainEvery(Duration every) {
        lookAgain = Optional.of(every);
        return this;
    }

    public void reload() {
        if (loading != null) {
            loading.cancel();
        }
        state.set(State.LOADING);
        error.set("");
        loading = tasks.<Void, Update>start(task -> {
            ChainProfile chain = marketplace.rpc().chain();
            List<Listing> listings = narrow.apply(marketplace.shelf());
            // The task's copy of what the screen shows, so a shelf read again keeps the cards already described.
            List<Offer> shown = new ArrayList<>(listings.stream().map(Offer::looking).toList());
            task.progress(new Update.Listed(List.copyOf(shown), chain));
            Map<Listing, Integer> unvouched = new HashMap<>();
            List<Integer> toAsk = IntStream.range(0, listings.size()).boxed().toList();
            while (true) {
                for (Update.Described answer : describe(listings, toAsk, chain, task)) {
                    shown.set(answer.index(), answer.offer());
                    if (answer.offer().seller() != Offer.Seller.ONLINE) {
                        unvouched.merge(answer.offer().listing(), 1, Integer::sum);
                    }
                }
                task.progress(new Update.Settled());
                if (lookAgain.isEmpty() || task.cancelled() || !pause()) {
                    return null;
                }
                // While the screen shows, the shelf is read again: what is listed or bought meanwhile appears (the
                // demo's first films, a purchase still confirming), and a card its seller's box did not vouch for
                // is asked again a few times (a box names the seller in its entry only once the chain shows the
                // listing, and may be a moment offline).
                List<Listing> now;
                try {
                    now = narrow.apply(marketplace.shelf());
                } catch (RuntimeException chainGone) {
                    // The cards stay as they were; the next visit to the screen says what is wrong.
                    return null;
                }
                if (!now.equals(listings)) {
                    Map<Listing, Offer> known = new HashMap<>();
                    shown.forEach(offer -> known.put(offer.listing(), offer));
                    shown = new ArrayList<>(now.stream().map(listing -> known.getOrDefault(listing, Offer.looking(listing))).toList());
                    listings = now;
                    task.progress(new Update.Listed(List.copyOf(shown), chain));
                }
                List<Offer> current = shown;
                toAsk = IntStream.range(0, current.size()).filter(i -> current.get(i).seller() == Offer.Seller.LOOKING
                        || (current.get(i).seller() != Offer.Seller.ONLINE
                        && unvouched.getOrDefault(current.get(i).listing(), 0) <= ASK_AGAIN)).boxed().toList();
            }
        }, this::apply, done -> state.set(State.READY), failure -> {
            offers.clear();
            error.set(StoreWords.failure(failure, coin));
            state.set(State.FAILED);
        });
    }

    /** Waits {@link #lookAgain}; false when the wait was interrupted (the screen went away). */
    private boolean pause() {
        try {
            Thread.sleep(lookAgain.orElseThrow().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Asks the sellers' boxes about the listings at {@code indices}, a few at a time, each answer shown as it comes,
     * so one box that is slow or offline holds up only its own card. Returns the answers.
     */
    private List<Update.Described> describe(List<Listing> listings, List<Integer> indices, ChainProfile chain,
                                            TaskRunner.Task<Update> task) {
        List<Update.Described> described = new ArrayList<>();
        if (indices.isEmpty()) {
            return described;
        }
        ExecutorService askers = Executors.newFixedThreadPool(Math.min(SELLERS_AT_ONCE, indices.size()), runnable -> {
            Thread thread = new Thread(runnable, "store-describe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Update.Described> answers = new ExecutorCompletionService<>(askers);
            for (int index : indices) {
                answers.submit(() -> new Update.Described(index, Offer.describe(listings.get(index), marketplace.sellers(), chain)));
            }
            for (int i = 0; i < indices.size() && !task.cancelled(); i++) {
                Update.Described answer = answers.take().get();
                described.add(answer);
                task.progress(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            askers.shutdownNow();
        }
        return described;
    }

    private void apply(Update update) {
        if (update instanceof Update.Listed listed) {
            coin = listed.chain().coin();
            chainName.set(listed.chain().displayName());
            offers.setAll(listed.offers());
        } else if (update instanceof Update.Settled) {
            state.set(State.READY);
        } else if (update instanceof Update.Described described) {
            offers.set(described.index(), described.offer());
            Offer open = selected.get();
            if (open != null && open.listing().contentId().equals(described.offer().listing().contentId())) {
                selected.set(described.offer());
            }
        }
    }

    /** Stops what is loading; the screen is going away. */
    public void shutdown() {
        if (loading != null) {
            loading.cancel();
        }
    }

    /** The offers the search matches, in the chain's order (newest listing first). */
    public ObservableList<Offer> shown() {
        return shown;
    }

    public ObservableList<Offer> offers() {
        return offers;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The offer whose detail is open, or null for the list. */
    public ObjectProperty<Offer> selectedProperty() {
        return selected;
    }

    /** The chain's name for people, once it has answered. */
    public StringProperty chainNameProperty() {
        return chainName;
    }

    public String price(Offer offer) {
        return coin.format(offer.listing().price());
    }
}
