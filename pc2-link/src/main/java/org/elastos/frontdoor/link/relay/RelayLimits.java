package org.elastos.frontdoor.link.relay;

import java.time.Duration;

/**
 * What one party may take from a relay, so one abuser cannot starve the others.
 *
 * @param sessionsPerBox spliced connections open to one box at once
 * @param connectionsPerClient connections open from one client address at once
 * @param idle how long a spliced connection may carry nothing before it is cut
 * @param bytesPerSession the most one spliced connection may carry, both ways together
 */
public record RelayLimits(int sessionsPerBox, int connectionsPerClient, Duration idle, long bytesPerSession) {
    public static final RelayLimits DEFAULT = new RelayLimits(64, 128, Duration.ofMinutes(5), 64L << 30);

    public RelayLimits {
        if (sessionsPerBox < 1 || connectionsPerClient < 1 || idle.isNegative() || idle.isZero() || bytesPerSession < 1) {
            throw new IllegalArgumentException("relay limits must all be positive");
        }
    }
}
