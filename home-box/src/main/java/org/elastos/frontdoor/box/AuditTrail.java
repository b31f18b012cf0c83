package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.audit.AuditUnavailableException;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the box's decisions go. Each one about a device, and every grant, is its own entry in the audit log. Those
 * about strangers (anyone the box does not know, before TLS or after) are counted, per peer, event, route and
 * reason, and written as one summary entry each per interval: a stranger can make the box count faster, never
 * write faster. The counts are bounded too; past {@link #MAX_KEYS} different ones, the rest go into one "others".
 */
final class AuditTrail {
    static final int MAX_KEYS = 10_000;
    private static final String OTHERS = "others";

    private record Key(String subject, String event, String what) {
    }

    private static final class Count {
        long times;
        final Instant first;
        Instant last;

        Count(Instant first) {
            this.first = first;
            this.last = first;
        }
    }

    private final AuditLog log;
    private final Clock clock;
    private final Map<Key, Count> strangers = new LinkedHashMap<>();
    private final int maxKeys;

    AuditTrail(AuditLog log, Clock clock) {
        this(log, clock, MAX_KEYS);
    }

    /** With another bound on the kinds counted (tests, which cannot write ten thousand summaries quickly). */
    AuditTrail(AuditLog log, Clock clock, int maxKeys) {
        this.log = log;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    AuditLog log() {
        return log;
    }

    /**
     * A decision about {@code peer}: its own entry for a device; for a stranger, counted under {@code what} (a route
     * and a reason, never a path the stranger chose), the full detail dropped.
     *
     * @throws AuditUnavailableException when a device's entry cannot be written: the request must then be refused
     */
    void decided(Peer peer, String event, String what, String detail) {
        if (peer.device()) {
            log.record(peer.did().value(), event, detail);
        } else {
            count(peer.did().value(), event, what);
        }
    }

    /** Something the box itself did, or a grant: always its own entry. */
    void record(String subject, String event, String detail) {
        log.record(subject, event, detail);
    }

    /** A decision about someone not known even by DID (a connection that never finished TLS). */
    void unknown(String origin, String event, String what) {
        count("unknown:" + origin, event, what);
    }

    private synchronized void count(String subject, String event, String what) {
        Key key = new Key(subject, event, what);
        if (!strangers.containsKey(key) && strangers.size() >= maxKeys) {
            key = new Key(OTHERS, event, OTHERS);
        }
        Instant now = clock.instant();
        Count count = strangers.computeIfAbsent(key, k -> new Count(now));
        count.times++;
        count.last = now;
    }

    /**
     * Writes one summary entry per counted kind and forgets the counts; if the log cannot take them now, they are kept
     * for the next try.
     */
    void flush() {
        Map<Key, Count> batch;
        synchronized (this) {
            if (strangers.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(strangers);
            strangers.clear();
        }
        try {
            for (Iterator<Map.Entry<Key, Count>> entries = batch.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<Key, Count> entry = entries.next();
                Key key = entry.getKey();
                Count count = entry.getValue();
                log.record(key.subject(), key.event() + "-summary", count.times + (count.times == 1 ? " time" : " times")
                        + " from " + count.first + " to " + count.last + ": " + key.what());
                entries.remove();
            }
        } catch (AuditUnavailableException e) {
            synchronized (this) {
                batch.forEach((key, count) -> strangers.merge(key, count, (mine, theirs) -> {
                    mine.times += theirs.times;
                    return mine;
                }));
            }
        }
    }
}
