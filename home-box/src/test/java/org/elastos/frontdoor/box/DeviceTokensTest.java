package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The box's device tokens on their own: what an owner and a member may do, and what no copy of a token can. */
class DeviceTokensTest {
    @TempDir
    Path dir;
    private DeviceTokens tokens;
    private DidKey laptop;
    private DidKey phone;

    @BeforeEach
    void setUp() {
        tokens = DeviceTokens.loadOrCreate(dir.resolve("tokens.key"), new SecureRandom());
        laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom()).did();
        phone = HostKey.loadOrCreate(dir.resolve("phone.key"), new SecureRandom()).did();
    }

    private Optional<BoxRefusal> decide(String token, DidKey peer, String operation, Set<String> revoked) {
        DeviceTokens.Decision decision = tokens.authorize(token, peer, operation, "Films/a.mp4", revoked);
        assertEquals(decision.refusal().isEmpty(), decision.allowed());
        return decision.refusal();
    }

    @Test
    void anOwnerMayReadWriteAndAdminister() {
        String owner = tokens.issue(laptop, DeviceTokens.Role.OWNER).token();
        for (String operation : new String[] {"read", "write", "admin"}) {
            assertEquals(Optional.empty(), decide(owner, laptop, operation, Set.of()), operation);
        }
    }

    @Test
    void aMemberMayOnlyRead() {
        String member = tokens.issue(phone, DeviceTokens.Role.MEMBER).token();
        assertEquals(Optional.empty(), decide(member, phone, "read", Set.of()));
        assertEquals(Optional.of(BoxRefusal.NOT_ALLOWED), decide(member, phone, "write", Set.of()));
        assertEquals(Optional.of(BoxRefusal.NOT_ALLOWED), decide(member, phone, "admin", Set.of()));
    }

    @Test
    void aTokenIsUselessOverAnotherDevicesLink() {
        String owner = tokens.issue(laptop, DeviceTokens.Role.OWNER).token();
        assertEquals(Optional.of(BoxRefusal.NOT_ALLOWED), decide(owner, phone, "read", Set.of()));
    }

    @Test
    void aRevokedTokenIdIsRefusedEvenWhileItsDeviceIsActive() {
        DeviceTokens.Issued issued = tokens.issue(laptop, DeviceTokens.Role.OWNER);
        assertEquals(Optional.of(BoxRefusal.REVOKED), decide(issued.token(), laptop, "read", Set.of(issued.revocationId())));
        DeviceTokens.Issued fresh = tokens.issue(laptop, DeviceTokens.Role.OWNER);
        assertEquals(Optional.empty(), decide(fresh.token(), laptop, "read", Set.of(issued.revocationId())),
                "a fresh token for the same device is another token");
    }

    @Test
    void aTokenFromAnotherBoxOrNoTokenAtAllIsInvalid() {
        DeviceTokens otherBox = DeviceTokens.loadOrCreate(dir.resolve("other.key"), new SecureRandom());
        String foreign = otherBox.issue(laptop, DeviceTokens.Role.OWNER).token();
        assertEquals(Optional.of(BoxRefusal.TOKEN_INVALID), decide(foreign, laptop, "read", Set.of()));
        assertEquals(Optional.of(BoxRefusal.TOKEN_INVALID), decide("", laptop, "read", Set.of()));
        assertEquals(Optional.of(BoxRefusal.TOKEN_INVALID), decide("not-a-token", laptop, "read", Set.of()));
    }

    @Test
    void aQuoteOrBackslashInAResourceCannotReachTheDatalog() {
        String owner = tokens.issue(laptop, DeviceTokens.Role.OWNER).token();
        for (String resource : new String[] {"Films/a\"), role(\"owner", "Films\\a", "\"", "\\a"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> tokens.authorize(owner, laptop, "read", resource, Set.of()), resource);
        }
        assertTrue(tokens.authorize(owner, laptop, "read", "Films/plain name.mp4", Set.of()).allowed());
        assertFalse(tokens.authorize(tokens.issue(phone, DeviceTokens.Role.MEMBER).token(), phone, "write",
                "Films/plain name.mp4", Set.of()).allowed());
    }
}
