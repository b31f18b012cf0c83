package org.elastos.frontdoor.box;

import io.netty.channel.Channel;
import org.elastos.frontdoor.link.Quota;
import org.elastos.frontdoor.link.RateLimit;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what every peer holds against {@link BoxLimits}: handshakes under way per origin (an address, or the relay),
 * connections per DID, strangers' connections together, all connections together. A count is given back when its
 * connection closes, however it closes. Strangers never get the devices' reserved share.
 */
final class PeerGate {
    enum Refusal { HANDSHAKES, FULL, STRANGERS_FULL, PER_PEER }

    private final BoxLimits limits;
    private final Quota<String> handshakes = new Quota<>();
    private final AtomicInteger pendingHandshakes = new AtomicInteger();
    private final Quota<DidKey> perPeer = new Quota<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger strangers = new AtomicInteger();
    private final RateLimit<DidKey> strangerRequests;

    PeerGate(BoxLimits limits) {
        this.limits = limits;
        this.strangerRequests = new RateLimit<>(Duration.ofSeconds(1), limits.strangerRequestsPerSecond());
    }

    /** A new connection about to handshake; its count is given back by {@link #handshakeEnds}. */
    Optional<Refusal> handshakeStarts(String origin, boolean relayed) {
        if (pendingHandshakes.incrementAndGet() > limits.connections()) {
            pendingHandshakes.decrementAndGet();
            return Optional.of(Refusal.FULL);
        }
        if (!handshakes.take(origin, relayed ? limits.handshakesThroughRelay() : limits.handshakesPerAddress())) {
            pendingHandshakes.decrementAndGet();
            return Optional.of(Refusal.HANDSHAKES);
        }
        return Optional.empty();
    }

    void handshakeEnds(String origin) {
        pendingHandshakes.decrementAndGet();
        handshakes.give(origin);
    }

    /** A connection whose handshake proved {@code did}; counted until it closes, or refused. */
    Optional<Refusal> admit(DidKey did, boolean device, Channel channel) {
        if (!perPeer.take(did, device ? limits.perDevice() : limits.perStranger())) {
            return Optional.of(Refusal.PER_PEER);
        }
        if (open.incrementAndGet() > limits.connections()) {
            open.decrementAndGet();
            perPeer.give(did);
            return Optional.of(Refusal.FULL);
        }
        if (!device && strangers.incrementAndGet() > limits.forStrangers()) {
            strangers.decrementAndGet();
            open.decrementAndGet();
            perPeer.give(did);
            return Optional.of(Refusal.STRANGERS_FULL);
        }
        channel.closeFuture().addListener(closed -> {
            perPeer.give(did);
            open.decrementAndGet();
            if (!device) {
                strangers.decrementAndGet();
            }
        });
        return Optional.empty();
    }

    /** Whether a stranger may make one more request now: at most so many per second, on all its connections. */
    boolean strangerMayRequest(DidKey did) {
        return strangerRequests.allow(did);
    }

    int openConnections() {
        return open.get();
    }
}
