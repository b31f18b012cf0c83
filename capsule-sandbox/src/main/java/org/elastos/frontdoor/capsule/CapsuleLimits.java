package org.elastos.frontdoor.capsule;

import java.time.Duration;

/** What a capsule may use: linear memory (64 KiB pages) and wall time per call. */
public record CapsuleLimits(int memoryPages, Duration callTime) {
    /** The most any capsule gets on this device, whatever its manifest asks: 16 MiB and 10 s per call. */
    public static final CapsuleLimits DEVICE_MAXIMUM = new CapsuleLimits(256, Duration.ofSeconds(10));

    public CapsuleLimits {
        if (memoryPages < 1 || callTime.isNegative() || callTime.isZero()) {
            throw new IllegalArgumentException("a capsule needs at least one memory page and some time");
        }
    }

    public boolean within(CapsuleLimits maximum) {
        return memoryPages <= maximum.memoryPages && callTime.compareTo(maximum.callTime) <= 0;
    }
}
