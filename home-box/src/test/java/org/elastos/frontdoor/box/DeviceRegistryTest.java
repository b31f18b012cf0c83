package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The box's device list on its own: who is owner, who waits, who is revoked, and what survives a restart. */
class DeviceRegistryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    private Path file;
    private DeviceTokens tokens;

    @BeforeEach
    void setUp() {
        file = dir.resolve("devices.json");
        tokens = DeviceTokens.loadOrCreate(dir.resolve("tokens.key"), new SecureRandom());
    }

    private DidKey did(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom()).did();
    }

    @Test
    void theFirstDeviceBecomesOwnerAndTheNextWaits() {
        DeviceRegistry registry = new DeviceRegistry(file);
        assertFalse(registry.hasOwner());
        DeviceRegistry.Enrolled owner = registry.enroll(did("laptop"), "Laptop", T0, tokens, d -> { });
        assertEquals(DeviceTokens.Role.OWNER, owner.device().role());
        assertEquals(Device.State.ACTIVE, owner.device().state());
        assertTrue(owner.token().isPresent());
        assertTrue(registry.hasOwner());

        DeviceRegistry.Enrolled phone = registry.enroll(did("phone"), "Phone", T0, tokens, d -> { });
        assertEquals(DeviceTokens.Role.MEMBER, phone.device().role());
        assertEquals(Device.State.PENDING, phone.device().state());
        assertEquals(Optional.empty(), phone.token());
        assertEquals(Optional.empty(), phone.device().revocationId());
    }

    @Test
    void aRevokedOwnerNoLongerCountsAsOwner() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        registry.enroll(laptop, "Laptop", T0, tokens, d -> { });
        registry.revoke(laptop);
        assertFalse(registry.hasOwner(), "a box whose only owner is revoked has no owner");
        assertTrue(registry.isRevoked(laptop));
    }

    @Test
    void aPendingOwnerIsNoOwner() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        registry.put(new Device(laptop, "Laptop", DeviceTokens.Role.OWNER, Device.State.PENDING, T0, T0, Optional.empty()));
        assertFalse(registry.hasOwner());
    }

    @Test
    void aDeviceTheAuditLogCouldNotRecordIsNotEnrolled() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        assertThrows(IllegalStateException.class, () -> registry.enroll(laptop, "Laptop", T0, tokens, d -> {
            throw new IllegalStateException("the audit log is full");
        }));
        assertEquals(List.of(), registry.all());
        assertFalse(Files.exists(file), "nothing was written");
        assertFalse(new DeviceRegistry(file).hasOwner());
    }

    @Test
    void enrollingAKnownDeviceTwiceIsRefused() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        registry.enroll(laptop, "Laptop", T0, tokens, d -> { });
        assertThrows(IllegalStateException.class, () -> registry.enroll(laptop, "Laptop again", T0, tokens, d -> { }));
        assertEquals("Laptop", registry.find(laptop).orElseThrow().name());
    }

    @Test
    void aRestartedRegistryKeepsDevicesApprovalsAndRevocations() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        DidKey phone = did("phone");
        DidKey tablet = did("tablet");
        registry.enroll(laptop, "Laptop", T0, tokens, d -> { });
        registry.enroll(phone, "Phone", T0, tokens, d -> { });
        registry.enroll(tablet, "Tablet", T0, tokens, d -> { });
        DeviceTokens.Issued phoneToken = tokens.issue(phone, DeviceTokens.Role.MEMBER);
        Device approved = registry.find(phone).orElseThrow().approved(phoneToken.revocationId());
        assertEquals(approved, registry.put(approved));
        assertEquals(approved, new DeviceRegistry(file).find(phone).orElseThrow(), "an approval is on disk at once");
        Optional<Device> revoked = registry.revoke(laptop);
        assertEquals(Device.State.REVOKED, revoked.orElseThrow().state());

        DeviceRegistry restarted = new DeviceRegistry(file);
        assertEquals(registry.all(), restarted.all());
        assertEquals(Device.State.ACTIVE, restarted.find(phone).orElseThrow().state());
        assertEquals(Optional.of(phoneToken.revocationId()), restarted.find(phone).orElseThrow().revocationId());
        assertEquals(Device.State.PENDING, restarted.find(tablet).orElseThrow().state());
        assertTrue(restarted.isRevoked(laptop));
        assertFalse(restarted.isRevoked(phone));
        assertFalse(restarted.hasOwner());
    }

    @Test
    void theRevokedTokenIdsAreThoseOfRevokedDevicesOnly() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        DidKey phone = did("phone");
        registry.enroll(laptop, "Laptop", T0, tokens, d -> { });
        registry.enroll(phone, "Phone", T0, tokens, d -> { });
        String phoneId = tokens.issue(phone, DeviceTokens.Role.MEMBER).revocationId();
        registry.put(registry.find(phone).orElseThrow().approved(phoneId));
        assertEquals(Set.of(), registry.revokedTokenIds());

        registry.revoke(phone);
        assertEquals(Set.of(phoneId), registry.revokedTokenIds());
        assertEquals(Set.of(phoneId), new DeviceRegistry(file).revokedTokenIds(), "the list survives a restart");
    }

    @Test
    void revokingAnUnknownDeviceChangesNothing() {
        DeviceRegistry registry = new DeviceRegistry(file);
        registry.enroll(did("laptop"), "Laptop", T0, tokens, d -> { });
        List<Device> before = registry.all();
        assertEquals(Optional.empty(), registry.revoke(did("stranger")));
        assertEquals(before, registry.all());
        assertEquals(before, new DeviceRegistry(file).all());
    }

    @Test
    void lastSeenIsWrittenAtMostEveryThirtySeconds() {
        DeviceRegistry registry = new DeviceRegistry(file);
        DidKey laptop = did("laptop");
        registry.enroll(laptop, "Laptop", T0, tokens, d -> { });

        registry.seen(laptop, T0.plusSeconds(10));
        assertEquals(T0.plusSeconds(10), registry.find(laptop).orElseThrow().lastSeen(), "kept in memory at once");
        assertEquals(T0, new DeviceRegistry(file).find(laptop).orElseThrow().lastSeen(), "not yet on disk");

        registry.seen(laptop, T0.plusSeconds(25));
        assertEquals(T0, new DeviceRegistry(file).find(laptop).orElseThrow().lastSeen(), "15 s after the last sighting");

        registry.seen(laptop, T0.plus(Duration.ofSeconds(55)));
        assertEquals(T0.plusSeconds(55), new DeviceRegistry(file).find(laptop).orElseThrow().lastSeen(),
                "exactly 30 s after the last sighting it is written");

        registry.seen(laptop, T0.plusSeconds(84));
        assertEquals(T0.plusSeconds(55), new DeviceRegistry(file).find(laptop).orElseThrow().lastSeen(), "29 s is not");

        registry.seen(did("stranger"), T0.plusSeconds(80));
        assertEquals(1, registry.all().size(), "a device the box does not know is not added by being seen");
    }

    @Test
    void aDamagedDeviceListStopsTheBoxRatherThanStartingWithoutOwners() throws IOException {
        Files.writeString(file, "{\"devices\":[{\"did\":\"not a did\"}]}");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new DeviceRegistry(file));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
        assertEquals("{\"devices\":[{\"did\":\"not a did\"}]}", Files.readString(file), "the file is left for the owner");
    }
}
