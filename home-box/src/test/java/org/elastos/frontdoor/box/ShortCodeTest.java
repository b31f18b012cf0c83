package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.BoxUnreachableException;
import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.link.PairingBeacon;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.ShortCode;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pairing by the code typed from the box's screen, found through the relay's beacon. */
class ShortCodeTest {
    @TempDir
    Path dir;
    private CarrierRelay relay;
    private HomeBox box;
    private URI relayUri;

    @BeforeEach
    void start() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        relay = CarrierRelay.start(new InetSocketAddress(loopback, 0), RelayLimits.DEFAULT);
        box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(loopback, 0), Optional.of(relay.address()), Clock.systemUTC());
        relayUri = URI.create("relay://127.0.0.1:" + relay.address().getPort());
    }

    @AfterEach
    void stop() {
        box.close();
        relay.close();
    }

    @Test
    void pairsWithTheCodeTypedByHandSloppily() {
        HomeBox.Invitation invitation = box.invitation(HomeBox.DEFAULT_INVITE_LIFETIME);
        ShortCode code = invitation.code().orElseThrow(() -> new AssertionError("a box with a relay offers a typed code: "
                + box.audit().entries().get(box.audit().entries().size() - 1).detail()));
        String typed = "  " + code.toString().toLowerCase().replace('0', 'o').replace("-", " ") + " ";

        PairingInvite found = PairingBeacon.fetch(relayUri, ShortCode.parse(typed), Clock.systemUTC());
        assertEquals(box.did(), found.boxDid());
        assertArrayEquals(invitation.invite().secret(), found.secret(), "the code stands for the invite's secret");

        HostKey phone = HostKey.loadOrCreate(dir.resolve("phone.key"), new SecureRandom());
        try (BoxClient client = BoxConnector.connect(found.endpoints(), found.boxDid(), phone).client()) {
            assertEquals("owner", client.pair(found, "Phone").role());
            assertEquals(5, client.list("").size());
        }
    }

    @Test
    void aWrongCodeFindsNothing() {
        box.invitation(HomeBox.DEFAULT_INVITE_LIFETIME);
        BoxUnreachableException none = assertThrows(BoxUnreachableException.class,
                () -> PairingBeacon.fetch(relayUri, ShortCode.generate(new SecureRandom()), Clock.systemUTC()));
        assertTrue(none.getMessage().contains("no box is waiting with that code"), none.getMessage());
        assertEquals(InviteRefusedException.Reason.MALFORMED,
                assertThrows(InviteRefusedException.class, () -> ShortCode.parse("K7QF-9XM2")).reason());
        assertEquals(InviteRefusedException.Reason.MALFORMED,
                assertThrows(InviteRefusedException.class, () -> ShortCode.parse("K7QF-9XM2-AB4U")).reason());
    }

    @Test
    void refusesABeaconAlteredOnTheWayAndAnExpiredOne() throws Exception {
        HostKey boxKey = HostKey.loadOrCreate(dir.resolve("box").resolve("box.key"), new SecureRandom());
        ShortCode code = ShortCode.generate(new SecureRandom());
        PairingInvite invite = new PairingInvite(boxKey.did(), "Box", List.of(URI.create("tls://127.0.0.1:1")),
                code.secret(), Instant.now().plus(Duration.ofMinutes(5)));
        String beacon = PairingBeacon.sign(boxKey, invite);
        String json = new String(Base64.getUrlDecoder().decode(beacon), StandardCharsets.UTF_8);
        String redirected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace("tls://127.0.0.1:1", "tls://203.0.113.9:1").getBytes(StandardCharsets.UTF_8));
        assertEquals(InviteRefusedException.Reason.WRONG_SIGNATURE, assertThrows(InviteRefusedException.class,
                () -> PairingBeacon.open(redirected, code, Clock.systemUTC())).reason());
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        assertEquals(InviteRefusedException.Reason.EXPIRED, assertThrows(InviteRefusedException.class,
                () -> PairingBeacon.open(beacon, code, later)).reason());
    }

    @Test
    void withoutARelayThereIsNoTypedCode() throws Exception {
        try (HomeBox alone = HomeBox.start(dir.resolve("alone"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Clock.systemUTC())) {
            assertTrue(alone.invitation(HomeBox.DEFAULT_INVITE_LIFETIME).code().isEmpty());
        }
    }
}
