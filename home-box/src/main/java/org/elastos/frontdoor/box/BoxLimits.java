package org.elastos.frontdoor.box;

import java.time.Duration;

/**
 * What any one peer may take from a box, so that no stranger can stop, fill or slow it for its owner. A peer is a
 * <em>device</em> once the box knows its DID (enrolled, or waiting for approval), a <em>stranger</em> before that.
 *
 * @param connections connections open at once, from everyone, however they came (directly or through the relay)
 * @param reservedForDevices of those, how many strangers can never take: the owner always gets in
 * @param perDevice connections one device may hold (a player reading ahead, the change stream, the screens)
 * @param perStranger connections one stranger DID may hold
 * @param handshakesPerAddress TLS handshakes under way at once from one address
 * @param handshakesThroughRelay TLS handshakes under way at once through the relay (the relay limits each client)
 * @param handshakeDeadline the whole TLS handshake, from the first byte to the last
 * @param requestDeadline a request's head and small body, from its first byte to its last
 * @param deviceIdle how long a device's connection may sit idle between requests
 * @param strangerIdle the same for a stranger
 * @param strangerRequestsPerSecond requests per second one stranger DID may make, on all its connections together
 * @param diskReserve free space kept for the audit log and the box's own files: uploads that would eat into it are
 *     refused first
 */
public record BoxLimits(int connections, int reservedForDevices, int perDevice, int perStranger, int handshakesPerAddress,
                        int handshakesThroughRelay, Duration handshakeDeadline, Duration requestDeadline, Duration deviceIdle, Duration strangerIdle,
                        int strangerRequestsPerSecond, long diskReserve) {
    public static final BoxLimits DEFAULT = new BoxLimits(512, 128, 32, 4, 32, 128, Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30), 20, 64L << 20);

    public BoxLimits {
        if (connections < 1 || reservedForDevices < 0 || reservedForDevices >= connections || perDevice < 1
                || perStranger < 1 || handshakesPerAddress < 1 || handshakesThroughRelay < 1 || strangerRequestsPerSecond < 1 || diskReserve < 0
                || !positive(handshakeDeadline) || !positive(requestDeadline) || !positive(deviceIdle) || !positive(strangerIdle)) {
            throw new IllegalArgumentException("box limits must be positive, with fewer connections reserved than there are");
        }
    }

    /** The same limits, with another disk reserve (a box on a small disk, in tests). */
    public BoxLimits withDiskReserve(long bytes) {
        return new BoxLimits(connections, reservedForDevices, perDevice, perStranger, handshakesPerAddress,
                handshakesThroughRelay, handshakeDeadline,
                requestDeadline, deviceIdle, strangerIdle, strangerRequestsPerSecond, bytes);
    }

    /** The most connections strangers may hold together. */
    public int forStrangers() {
        return connections - reservedForDevices;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
