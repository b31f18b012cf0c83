package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.relay.RelayProtocol;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.hostkey.MachineSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A device's relay pass is an HMAC of its DID under the box's own key, and only active devices' passes count. */
class RelayPassesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aPassIsTheHmacOfTheDidUnderTheBoxsKeyAndItsDomain() throws Exception {
        Path file = dir.resolve("relay-pass.key");
        RelayPasses passes = RelayPasses.loadOrCreate(file);
        DidKey laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom()).did();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MachineSeed.loadOrCreate(file, "relay_pass_hmac", new SecureRandom()), "HmacSHA256"));
        mac.update("elastos.relay.pass.v1\0".getBytes(StandardCharsets.US_ASCII));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(laptop.value().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, passes.passOf(laptop));
        assertEquals(expected, RelayPasses.loadOrCreate(file).passOf(laptop), "the same after a restart");
    }

    @Test
    void onlyActiveDevicesPassesAreGivenToTheRelay() {
        RelayPasses passes = RelayPasses.loadOrCreate(dir.resolve("relay-pass.key"));
        DeviceRegistry devices = new DeviceRegistry(dir.resolve("devices.json"));
        DidKey active = HostKey.loadOrCreate(dir.resolve("a.key"), new SecureRandom()).did();
        DidKey pending = HostKey.loadOrCreate(dir.resolve("p.key"), new SecureRandom()).did();
        DidKey revoked = HostKey.loadOrCreate(dir.resolve("r.key"), new SecureRandom()).did();
        devices.put(new Device(active, "A", DeviceTokens.Role.OWNER, Device.State.ACTIVE, T0, T0, Optional.of("id")));
        devices.put(new Device(pending, "P", DeviceTokens.Role.MEMBER, Device.State.PENDING, T0, T0, Optional.empty()));
        devices.put(new Device(revoked, "R", DeviceTokens.Role.MEMBER, Device.State.REVOKED, T0, T0, Optional.of("id2")));
        assertEquals(Set.of(RelayProtocol.passHash(passes.passOf(active))), passes.activeHashes(devices));
    }
}
