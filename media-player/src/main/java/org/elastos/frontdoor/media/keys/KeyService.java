package org.elastos.frontdoor.media.keys;

import java.time.Clock;

/**
 * The player's key service, the one place a content key exists in the clear: it begins playbacks, each with its
 * own X25519 key, and opens their licenses into key slots. Views, the app and capsules get slots, never keys
 * (ArchitectureTest says so).
 */
public final class KeyService {
    private final Clock clock;

    public KeyService(Clock clock) {
        this.clock = clock;
    }

    /** A new playback, with a key pair made for it alone. */
    public PlaybackSession begin() {
        return new PlaybackSession(clock);
    }
}
