package org.elastos.frontdoor.link.relay;

import org.elastos.frontdoor.wallet.did.DidKey;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pairing beacons the relay keeps for typed codes: at most one per registered box (a new one replaces the old),
 * dropped when the box unregisters, each for hours at most. Nobody can wipe out another box's beacon, and the table
 * is never larger than the boxes registered.
 */
final class RelayBeacons {
    private static final Duration LIFETIME = Duration.ofHours(12);

    private record Beacon(String lookupId, String text, long expiresAtNanos) {
    }

    private final Map<DidKey, Beacon> byBox = new HashMap<>();
    private final Map<String, DidKey> byLookup = new HashMap<>();

    synchronized void keep(DidKey box, String lookupId, String text) {
        forget(box);
        DidKey other = byLookup.get(lookupId);
        if (other != null) {
            // The same lookup id from another box: 60 random bits collide only by design, so the newer one wins.
            byBox.remove(other);
        }
        byBox.put(box, new Beacon(lookupId, text, System.nanoTime() + LIFETIME.toNanos()));
        byLookup.put(lookupId, box);
    }

    synchronized void forget(DidKey box) {
        Beacon old = byBox.remove(box);
        if (old != null) {
            byLookup.remove(old.lookupId(), box);
        }
    }

    synchronized Optional<String> find(String lookupId) {
        DidKey box = byLookup.get(lookupId);
        Beacon beacon = box == null ? null : byBox.get(box);
        if (beacon == null || beacon.expiresAtNanos() - System.nanoTime() < 0) {
            return Optional.empty();
        }
        return Optional.of(beacon.text());
    }

    synchronized int size() {
        return byBox.size();
    }
}
