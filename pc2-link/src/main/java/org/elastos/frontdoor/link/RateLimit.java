package org.elastos.frontdoor.link;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} uses per key in each window of {@code window}. Old windows are swept once there are many
 * keys, so a flood of fresh keys costs memory only for as long as its windows last.
 */
public final class RateLimit<K> {
    private static final int SWEEP_ABOVE = 10_000;

    private final long windowNanos;
    private final int limit;
    private final Map<K, long[]> windows = new ConcurrentHashMap<>();

    public RateLimit(Duration window, int limit) {
        this.windowNanos = window.toNanos();
        this.limit = limit;
    }

    /** Counts one use by {@code key}; says whether it was within the limit. */
    public boolean allow(K key) {
        long now = System.nanoTime();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> now - window[0] > windowNanos);
        }
        long[] window = windows.computeIfAbsent(key, k -> new long[] {now, 0});
        synchronized (window) {
            if (now - window[0] > windowNanos) {
                window[0] = now;
                window[1] = 0;
            }
            return ++window[1] <= limit;
        }
    }
}
