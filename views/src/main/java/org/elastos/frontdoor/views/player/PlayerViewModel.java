package org.elastos.frontdoor.views.player;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainProfile;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.MarketException;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.play.FilmPlayback;
import org.elastos.frontdoor.media.play.PlaybackException;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.Offer;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Playing one film: the right is checked on the chain first (so a person who has not bought it is told the price),
 * then the seller's box is asked for a license over a link of the player's own, and the film is played from the
 * loopback bridge. Keys stay in the key service; this model only ever holds the bridge's address.
 */
public final class PlayerViewModel {
    public enum State {
        /** Asking the chain whether the account may watch it. */
        CHECKING,
        /** Asking the seller's box for the license, then the first segments. */
        STARTING,
        /** The bridge serves it: {@link #sourceProperty()} is what the platform player opens. */
        READY,
        /** It will not play; {@link #messageProperty()} says why in words. */
        REFUSED,
        /** Closed. */
        ENDED
    }

    /** Why it was refused, for the screen to offer the next step (Buy, Try again). */
    public enum Refusal { NOT_OWNED, CHAIN_UNREACHABLE, SELLER_OFFLINE, LICENSE, DAMAGED }

    private final TaskRunner tasks;
    private final Marketplace marketplace;
    private final Offer offer;
    private final KeyService keys;
    private final AuditLog audit;
    private final Path dataRoot;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.CHECKING);
    private final ObjectProperty<Refusal> refusal = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<URI> source = new SimpleObjectProperty<>();
    private final DoubleProperty duration = new SimpleDoubleProperty(0);
    private final DoubleProperty latestSeek = new SimpleDoubleProperty(0);
    private final StringProperty price = new SimpleStringProperty("");
    private TaskRunner.Running starting;
    /** The playback once started; set by the work, taken by whoever closes it. */
    private final AtomicReference<FilmPlayback> live = new AtomicReference<>();

    /** A refusal decided before a license is asked for. */
    private static final class Refused extends RuntimeException {
        private final Refusal refusal;

        Refused(Refusal refusal, String words) {
            super(words);
            this.refusal = refusal;
        }
    }

    /**
     * @param dataRoot the open identity's folder: the player's audit log and its capsule host's state live there
     */
    public PlayerViewModel(TaskRunner tasks, Marketplace marketplace, Offer offer, KeyService keys, Path dataRoot) {
        this.tasks = tasks;
        this.marketplace = marketplace;
        this.offer = offer;
        this.keys = keys;
        this.dataRoot = dataRoot;
        this.audit = new AuditLog(dataRoot.resolve("player-audit.jsonl"), Clock.systemUTC());
        duration.set(offer.item().flatMap(StoreItem::watch).map(StoreItem.Watch::durationSeconds).orElse(0.0));
    }

    public void start() {
        close();
        state.set(State.CHECKING);
        refusal.set(null);
        message.set(Strings.get("player.checking"));
        starting = tasks.<FilmPlayback, State>start(task -> {
            ChainProfile chain = check();
            task.progress(State.STARTING);
            StoreItem item = describe(chain);
            Signer holder = marketplace.account();
            EvmAddress market = chain.requireMarket();
            BoxClient seller;
            try {
                seller = marketplace.sellers().connect(item.box());
            } catch (LinkException e) {
                throw refused(Refusal.SELLER_OFFLINE, "player.refused.offline", "the seller's box is offline");
            }
            FilmPlayback started;
            try {
                started = FilmPlayback.start(seller, item, holder, chain.chainId(), market, keys, audit,
                        dataRoot.resolve("player"), Clock.systemUTC(), step -> { });
            } catch (PlaybackException e) {
                throw refusalOf(e);
            }
            // Closing while this ran must not leave the film served: whoever comes last closes it.
            live.set(started);
            if (task.cancelled()) {
                closeLive();
            }
            return started;
        }, next -> {
            state.set(next);
            message.set(Strings.get("player.starting"));
        }, started -> {
            duration.set(started.durationSeconds());
            latestSeek.set(started.latestSeekSeconds());
            source.set(started.playlist());
            message.set("");
            state.set(State.READY);
        }, failure -> {
            if (failure instanceof Refused refused) {
                refusal.set(refused.refusal);
                message.set(refused.getMessage());
            } else {
                refusal.set(Refusal.LICENSE);
                message.set(Strings.get("error.unexpected", failure.getClass().getSimpleName()));
            }
            state.set(State.REFUSED);
        });
    }

    /** A refusal in words, its reason in the audit log. */
    private Refused refused(Refusal why, String key, String audited, Object... args) {
        audit.record("player", "deny", offer.listing().contentId().hex() + ": " + audited);
        return new Refused(why, Strings.get(key, args));
    }

    /** The chain first: only a holder whose purchase counts gets further. */
    private ChainProfile check() {
        ChainProfile chain;
        try {
            chain = marketplace.rpc().chain();
        } catch (MarketException e) {
            throw refused(Refusal.CHAIN_UNREACHABLE, "player.refused.chain", "the chain cannot be asked");
        }
        String listed = chain.coin().format(offer.listing().price());
        tasks.onUiThread(() -> price.set(listed));
        try {
            if (!marketplace.market().rightsOracle().hasAccess(marketplace.account().evmAddress(), offer.listing().contentId())) {
                throw refused(Refusal.NOT_OWNED, "player.refused.not-owned", "not owned by this account", listed);
            }
        } catch (ChainUnreachableException e) {
            marketplace.forget();
            throw refused(Refusal.CHAIN_UNREACHABLE, "player.refused.chain", "the chain cannot be asked");
        }
        return chain;
    }

    /**
     * The item as its box signed it, and standing behind this listing: the one the Store showed, or asked for again
     * (its box may have been offline then), with the same checks.
     */
    private StoreItem describe(ChainProfile chain) {
        if (offer.item().isPresent()) {
            return offer.item().get();
        }
        Offer described = Offer.describe(offer.listing(), marketplace.sellers(), chain);
        if (described.seller() != Offer.Seller.ONLINE) {
            throw described.seller() == Offer.Seller.OFFLINE
                    ? refused(Refusal.SELLER_OFFLINE, "player.refused.offline", "the seller's box is offline")
                    : refused(Refusal.LICENSE, "player.refused.unverified", "the seller's box does not stand behind this listing");
        }
        return described.item().orElseThrow();
    }

    private static Refused refusalOf(PlaybackException e) {
        return switch (e.reason()) {
            case NO_RIGHT -> new Refused(Refusal.LICENSE, Strings.get("player.refused.box-no-right"));
            case CHAIN_UNREACHABLE -> new Refused(Refusal.CHAIN_UNREACHABLE, Strings.get("player.refused.box-chain"));
            case SELLER_UNREACHABLE -> new Refused(Refusal.SELLER_OFFLINE, Strings.get("player.refused.offline"));
            case LICENSE_REFUSED -> new Refused(Refusal.LICENSE, Strings.get("player.refused.license"));
            case LICENSE_REJECTED -> new Refused(Refusal.LICENSE, Strings.get("player.refused.license-rejected"));
            case DAMAGED_SEGMENT, DAMAGED_COPY, ENDED -> new Refused(Refusal.DAMAGED, Strings.get("player.refused.damaged"));
        };
    }

    /**
     * What the platform player said went wrong while playing (a segment that never came, say); its own words go to the
     * audit log, for whoever looks into it.
     */
    public void playerFailed(String detail, boolean noSoundDevice) {
        audit.record("player", "stopped", offer.listing().contentId().hex() + ": " + detail);
        close();
        refusal.set(Refusal.DAMAGED);
        message.set(Strings.get(noSoundDevice ? "player.refused.no-sound" : "player.refused.stopped"));
        state.set(State.REFUSED);
    }

    /** Ends the playback: the bridge, the capsule and the key slot close, and the link to the seller's box. */
    public void close() {
        if (starting != null) {
            starting.cancel();
            starting = null;
        }
        source.set(null);
        if (closeLive()) {
            audit.record("player", "end", offer.listing().contentId().hex());
            state.set(State.ENDED);
        }
    }

    private boolean closeLive() {
        FilmPlayback playing = live.getAndSet(null);
        if (playing != null) {
            playing.close();
        }
        return playing != null;
    }

    /** Where a seek request lands: within the film, and never past {@link #latestSeekProperty()}. */
    public double seekTarget(double seconds) {
        return Math.max(0, Math.min(seconds, latestSeek.get()));
    }

    /** "1:05 / -2:55" style figures, from the position in seconds. */
    public String elapsed(double seconds) {
        return Offer.clock(Math.round(seconds));
    }

    public String remaining(double seconds) {
        return "-" + Offer.clock(Math.round(Math.max(0, duration.get() - seconds)));
    }

    public Offer offer() {
        return offer;
    }

    /** The film's price in the chain's coin, once the chain has answered. */
    public StringProperty priceProperty() {
        return price;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObjectProperty<Refusal> refusalProperty() {
        return refusal;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The bridge's playlist while playing; null otherwise. */
    public ObjectProperty<URI> sourceProperty() {
        return source;
    }

    /** The film's length from our metadata (a platform player may miss its last segment). */
    public DoubleProperty durationProperty() {
        return duration;
    }

    public DoubleProperty latestSeekProperty() {
        return latestSeek;
    }
}
