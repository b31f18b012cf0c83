package org.elastos.frontdoor.link.relay;

import io.netty.channel.Channel;
import org.elastos.frontdoor.link.Quota;
import org.elastos.frontdoor.link.RateLimit;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every address and every box holds at the relay now, against {@link RelayLimits}. A count is taken back when
 * its connection closes, however it closes, so nothing leaks; entries at zero are dropped, so the maps stay as small
 * as what is open.
 */
final class RelayLedger {
    enum Refusal { CLIENT, CLIENT_TO_BOX, BOX }

    private record ClientBox(InetAddress client, DidKey box) {
    }

    private final RelayLimits limits;
    private final Quota<InetAddress> greetings = new Quota<>();
    private final Set<Channel> greeting = ConcurrentHashMap.newKeySet();
    private final Quota<InetAddress> boxes = new Quota<>();
    private final Quota<InetAddress> sessions = new Quota<>();
    private final Quota<ClientBox> sessionsToBox = new Quota<>();
    private final Quota<DidKey> sessionsOfBox = new Quota<>();
    private final Quota<String> sessionsOfPass = new Quota<>();
    private final Quota<DidKey> deviceSessionsOfBox = new Quota<>();
    private final RateLimit<InetAddress> lookups = new RateLimit<>(Duration.ofMinutes(1), RelayLimits.LOOKUPS_PER_MINUTE);

    RelayLedger(RelayLimits limits) {
        this.limits = limits;
    }

    /** A new connection that has yet to say what it wants; false when its address has too many such. */
    boolean greetingStarts(InetAddress from, Channel channel) {
        if (!greetings.take(from, RelayLimits.GREETINGS_PER_CLIENT)) {
            return false;
        }
        greeting.add(channel);
        return true;
    }

    /** The connection said what it wants (or closed): it no longer counts as greeting. */
    void greetingEnds(InetAddress from, Channel channel) {
        if (greeting.remove(channel)) {
            greetings.give(from);
        }
    }

    boolean stillGreeting(Channel channel) {
        return greeting.contains(channel);
    }

    /** A box registering from {@code from}; its count is given back when its control connection closes. */
    boolean boxRegisters(InetAddress from, Channel control) {
        if (!boxes.take(from, limits.boxesPerAddress())) {
            return false;
        }
        control.closeFuture().addListener(closed -> boxes.give(from));
        return true;
    }

    /**
     * An app's connection to {@code box}, counted until it closes; or why it may not have one. A connection with a
     * valid pass (its hash given) counts in the box's devices' share, apart from everyone else's.
     */
    Refusal sessionStarts(InetAddress from, DidKey box, Channel app, java.util.Optional<String> passHash) {
        if (passHash.isPresent()) {
            return deviceSessionStarts(passHash.get(), box, app);
        }
        if (!sessions.take(from, limits.connectionsPerClient())) {
            return Refusal.CLIENT;
        }
        ClientBox pair = new ClientBox(from, box);
        if (!sessionsToBox.take(pair, limits.sessionsPerClientPerBox())) {
            sessions.give(from);
            return Refusal.CLIENT_TO_BOX;
        }
        if (!sessionsOfBox.take(box, limits.sessionsPerBox())) {
            sessions.give(from);
            sessionsToBox.give(pair);
            return Refusal.BOX;
        }
        app.closeFuture().addListener(closed -> {
            sessions.give(from);
            sessionsToBox.give(pair);
            sessionsOfBox.give(box);
        });
        return null;
    }

    private Refusal deviceSessionStarts(String pass, DidKey box, Channel app) {
        if (!sessionsOfPass.take(pass, limits.sessionsPerClientPerBox())) {
            return Refusal.CLIENT_TO_BOX;
        }
        if (!deviceSessionsOfBox.take(box, limits.sessionsPerBox())) {
            sessionsOfPass.give(pass);
            return Refusal.BOX;
        }
        app.closeFuture().addListener(closed -> {
            sessionsOfPass.give(pass);
            deviceSessionsOfBox.give(box);
        });
        return null;
    }

    /** At most {@link RelayLimits#LOOKUPS_PER_MINUTE} per address in any minute-long window. */
    boolean mayLookUp(InetAddress from) {
        return lookups.allow(from);
    }
}
