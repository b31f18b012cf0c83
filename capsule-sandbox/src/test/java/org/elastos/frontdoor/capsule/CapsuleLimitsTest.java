package org.elastos.frontdoor.capsule;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a manifest may ask for, up to the device's maximum exactly, and which capabilities this device offers. */
class CapsuleLimitsTest {
    private static final CapsuleLimits MAXIMUM = new CapsuleLimits(16, Duration.ofMillis(500));

    @Test
    void aCapsuleMayAskForExactlyTheMaximumAndNoMore() {
        assertTrue(new CapsuleLimits(16, Duration.ofMillis(500)).within(MAXIMUM));
        assertTrue(new CapsuleLimits(1, Duration.ofMillis(1)).within(MAXIMUM));
        assertFalse(new CapsuleLimits(17, Duration.ofMillis(500)).within(MAXIMUM));
        assertFalse(new CapsuleLimits(16, Duration.ofMillis(501)).within(MAXIMUM));
    }

    @Test
    void aCapsuleNeedsAPageAndSomeTime() {
        assertThrows(IllegalArgumentException.class, () -> new CapsuleLimits(0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new CapsuleLimits(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new CapsuleLimits(1, Duration.ofMillis(-1)));
    }

    @Test
    void onlyTheCapabilitiesThisDeviceHasAreOffered() {
        assertTrue(Capabilities.offered(Grant.of("log")));
        assertTrue(Capabilities.offered(Grant.of("folder.read")));
        assertFalse(Capabilities.offered(Grant.of("folder_read")), "the import name is not the capability's");
        assertFalse(Capabilities.offered(Grant.of("network")));
    }
}
