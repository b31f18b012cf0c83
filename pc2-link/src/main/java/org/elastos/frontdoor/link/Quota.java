package org.elastos.frontdoor.link;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of something each key (an address, a DID, a box) holds now, each up to a limit. Keys at zero are dropped,
 * so a quota is only as large as what is held. The box and the relay count their connections with it.
 */
public final class Quota<K> {
    private final Map<K, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Takes one for {@code key} if it holds fewer than {@code limit}; says whether it did. */
    public boolean take(K key, int limit) {
        boolean[] taken = {false};
        counts.compute(key, (k, count) -> {
            AtomicInteger value = count == null ? new AtomicInteger() : count;
            if (value.get() < limit) {
                value.incrementAndGet();
                taken[0] = true;
            }
            return value.get() == 0 ? null : value;
        });
        return taken[0];
    }

    /** Gives one back. */
    public void give(K key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public int held(K key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /** How many keys hold any. */
    public int keys() {
        return counts.size();
    }
}
