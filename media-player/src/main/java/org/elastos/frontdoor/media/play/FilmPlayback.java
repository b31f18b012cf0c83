package org.elastos.frontdoor.media.play;

import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.media.Mp4Exception;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.LicenseRejected;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.license.LicenseRefusal;
import org.elastos.frontdoor.media.license.LicenseRequest;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * One film playing, from the license to the bridge: a fresh playback key, a license request the holder's account
 * signs, the license opened inside the key service, the decrypt capsule bound to its key slot, and the loopback
 * bridge the platform player reads. Nothing here holds a key: the slot does. Closing ends all of it, and the link.
 */
public final class FilmPlayback implements AutoCloseable {
    /** How far a playback has got, for the screen. */
    public enum Step { LICENSE, FETCHING, READY }

    private final List<AutoCloseable> opened;
    private final LoopbackBridge bridge;
    private final FilmPlan plan;

    private FilmPlayback(List<AutoCloseable> opened, LoopbackBridge bridge, FilmPlan plan) {
        this.opened = opened;
        this.bridge = bridge;
        this.plan = plan;
    }

    /**
     * @param seller   a link of the playback's own to the seller's box (closed with it)
     * @param item     the film, as its box signed it
     * @param chainId  the chain the holder bought it on, with {@code market}
     * @param dataRoot where the capsule host keeps its state
     * @throws PlaybackException with the reason, when it cannot start; everything opened is closed again
     */
    public static FilmPlayback start(BoxClient seller, StoreItem item, Signer holder, long chainId, EvmAddress market,
            KeyService keys, AuditLog audit, Path dataRoot, Clock clock, Consumer<Step> progress) throws PlaybackException {
        StoreItem.Watch film = item.watch().orElseThrow(() -> new IllegalArgumentException(item.contentIdHex()
                + " is a copy to download, not a film to watch"));
        List<AutoCloseable> opened = new ArrayList<>();
        opened.add(seller);
        try {
            PlaybackSession session = keys.begin();
            opened.add(0, session);
            progress.accept(Step.LICENSE);
            byte[] nonce = new byte[18];
            new SecureRandom().nextBytes(nonce);
            LicenseRequest request = new LicenseRequest(item.contentId(), chainId, market, holder.evmAddress(),
                    session.publicKey(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), clock.instant());
            KeySlot slot = session.open(license(seller, request.sign(holder), item), item.box(), item.contentId());
            audit.record("player", "license", item.contentIdHex() + " from " + item.box().fingerprint());

            progress.accept(Step.FETCHING);
            LinkFilmSource source = new LinkFilmSource(seller, item.contentIdHex());
            FilmPlan plan = FilmPlan.parse(source.fetch(film.playlist()));
            DecryptCapsule capsule = DecryptCapsule.load(source.fetch(plan.init()), slot, audit, dataRoot);
            opened.add(0, capsule);
            LoopbackBridge bridge = LoopbackBridge.open(plan, source, capsule);
            opened.add(0, bridge);
            progress.accept(Step.READY);
            return new FilmPlayback(opened, bridge, plan);
        } catch (LicenseRejected e) {
            closeAll(opened);
            audit.record("player", "deny", item.contentIdHex() + ": the license was rejected (" + e.reason() + ")");
            throw new PlaybackException(PlaybackException.Reason.LICENSE_REJECTED, e.getMessage(), e);
        } catch (Mp4Exception | IllegalArgumentException e) {
            closeAll(opened);
            audit.record("player", "deny", item.contentIdHex() + ": its files do not read as a film");
            throw new PlaybackException(PlaybackException.Reason.DAMAGED_SEGMENT, "the film's files do not read as a film: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            closeAll(opened);
            audit.record("player", "deny", item.contentIdHex() + ": " + PlaybackException.Reason.SELLER_UNREACHABLE);
            throw new PlaybackException(PlaybackException.Reason.SELLER_UNREACHABLE, e.getMessage(), e);
        } catch (PlaybackException e) {
            closeAll(opened);
            audit.record("player", "deny", item.contentIdHex() + ": " + e.reason());
            throw e;
        } catch (RuntimeException e) {
            closeAll(opened);
            audit.record("player", "deny", item.contentIdHex() + ": " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Asks the seller's box for the license, its refusal as the reason a person is told. */
    static Envelope license(BoxClient seller, LicenseRequest.Signed signed,
            StoreItem item) throws PlaybackException {
        try {
            return seller.license(signed.toBytes());
        } catch (BoxRefusedException refused) {
            LicenseRefusal.Reason reason = LicenseRefusal.named(refused.reasonName());
            PlaybackException.Reason why = switch (reason) {
                case NO_RIGHT -> PlaybackException.Reason.NO_RIGHT;
                case CHAIN_UNREACHABLE -> PlaybackException.Reason.CHAIN_UNREACHABLE;
                default -> PlaybackException.Reason.LICENSE_REFUSED;
            };
            throw new PlaybackException(why, "the seller's box refused a license for " + item.contentIdHex() + " ("
                    + reason + "): " + refused.getMessage(), refused);
        } catch (LinkException e) {
            throw new PlaybackException(PlaybackException.Reason.SELLER_UNREACHABLE, e.getMessage(), e);
        }
    }

    /** What the platform player opens. */
    public URI playlist() {
        return bridge.playlist();
    }

    /** The film's length from our metadata. */
    public double durationSeconds() {
        return bridge.durationSeconds();
    }

    /**
     * The latest point a seek may land on: the start of the last segment. JavaFX's HLS stalls when asked to seek into
     * the last segment (it treats it as the end, padded or not); playing through it is fine.
     */
    public double latestSeekSeconds() {
        List<FilmPlan.Segment> segments = plan.segments();
        return Math.max(0, plan.durationSeconds() - segments.get(segments.size() - 1).seconds());
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable each : List.copyOf(opened)) {
            try {
                each.close();
            } catch (Exception ignored) {
                // Closing the rest anyway: a playback ends whole.
            }
        }
        opened.clear();
    }
}
