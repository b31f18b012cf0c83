package org.elastos.frontdoor.link.relay;

import java.time.Duration;

/**
 * What one party may take from a relay, so one abuser cannot starve the others, least of all a box's owner.
 *
 * @param sessionsPerBox spliced connections open to one box at once, from everyone together
 * @param sessionsPerClientPerBox spliced connections one client address may hold to one box: less than the box's
 *     whole share, so one address can never take all of it
 * @param connectionsPerClient spliced connections one client address may hold in all, to any boxes
 * @param boxesPerAddress boxes that may stay registered from one address (a household has a few, not thousands)
 * @param idle how long a spliced connection may carry nothing before it is cut
 * @param bytesPerSession the most one spliced connection may carry, both ways together
 */
public record RelayLimits(int sessionsPerBox, int sessionsPerClientPerBox, int connectionsPerClient, int boxesPerAddress,
                          Duration idle, long bytesPerSession) {
    public static final RelayLimits DEFAULT = new RelayLimits(256, 32, 64, 8, Duration.ofMinutes(5), 64L << 30);

    /** A new connection must say what it wants (and prove a DID, if it claims one) within this. */
    public static final Duration GREETING_DEADLINE = Duration.ofSeconds(5);
    /** Connections from one address that have not yet said what they want. */
    public static final int GREETINGS_PER_CLIENT = 256;
    /** Typed-code lookups one address may make per minute (a code has 60 bits: guessing is hopeless anyway). */
    public static final int LOOKUPS_PER_MINUTE = 20;

    public RelayLimits {
        if (sessionsPerBox < 1 || sessionsPerClientPerBox < 1 || connectionsPerClient < 1 || boxesPerAddress < 1
                || idle.isNegative() || idle.isZero() || bytesPerSession < 1) {
            throw new IllegalArgumentException("relay limits must all be positive");
        }
        if (sessionsPerClientPerBox >= sessionsPerBox) {
            throw new IllegalArgumentException("one client may hold fewer of a box's sessions (" + sessionsPerClientPerBox
                    + ") than the box has (" + sessionsPerBox + "), or it could lock everyone else out");
        }
    }
}
