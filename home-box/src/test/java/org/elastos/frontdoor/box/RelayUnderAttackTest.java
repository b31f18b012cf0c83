package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.BoxUnreachableException;
import org.elastos.frontdoor.link.PairingBeacon;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.ShortCode;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.link.relay.RelayProtocol;
import org.elastos.frontdoor.link.relay.RelayRegistration;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real relay and a box behind it, attacked from other loopback addresses the way strangers on the internet could. */
class RelayUnderAttackTest {
    private static final RelayLimits SMALL = new RelayLimits(8, 4, 16, 8, Duration.ofMinutes(1), 1L << 30);

    @TempDir
    Path dir;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T thing) {
        running.add(thing);
        return thing;
    }

    private static InetAddress address(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    private HomeBox boxBehind(CarrierRelay relay) throws Exception {
        HomeBox box = keep(HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.of(relay.address()), Clock.systemUTC()));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!box.isRelayed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(box.isRelayed());
        return box;
    }

    /** A session through the relay to {@code box} from {@code from}, or the relay's refusal. */
    private static Socket session(InetAddress from, CarrierRelay relay, DidKey box) throws IOException {
        Socket socket = Stranger.tcp(from, relay.address());
        RelayProtocol.send(socket.getOutputStream(), "CONNECT " + box.value());
        String answer = RelayProtocol.read(socket.getInputStream());
        if (!answer.equals("OK")) {
            socket.close();
            throw new IOException(answer);
        }
        return socket;
    }

    @Test
    void strangersCannotLockTheOwnerOutOfTheRelayPath() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SMALL));
        HomeBox box = boxBehind(relay);
        HostKey ownerKey = Stranger.freshKey(dir, "owner");
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        BoxClient.Enrollment enrollment;
        try (BoxClient pairing = BoxClient.connect(invite.endpoints().get(0), box.did(), ownerKey)) {
            enrollment = pairing.pair(invite, "Owner");
        }
        assertTrue(enrollment.relayPass().isPresent(), "the owner got a pass for the relay");
        List<URI> relayOnly = List.of(box.endpoints().get(box.endpoints().size() - 1));

        List<Stranger> attackers = new ArrayList<>();
        try {
            for (int host = 2; host <= 3; host++) {
                int held = 0;
                for (int i = 0; i < 10; i++) {
                    // A fresh DID each time, so only the relay's own limits stand in the way.
                    HostKey stranger = Stranger.freshKey(dir, "attacker-" + host + "-" + i);
                    try {
                        Stranger attacker = Stranger.over(session(address(host), relay, box.did()), stranger, box.did());
                        attackers.add(attacker);
                        assertEquals(200, attacker.request("GET", "/info").status());
                        held++;
                    } catch (IOException refused) {
                        // The relay gave this address all it may have of the box.
                    }
                }
                assertEquals(SMALL.sessionsPerClientPerBox(), held, "one address holds at most its share of the box");
            }
            BoxUnreachableException crowdedOut = assertThrows(BoxUnreachableException.class,
                    () -> BoxConnector.connect(relayOnly, box.did(), Stranger.freshKey(dir, "newcomer")));
            assertTrue(crowdedOut.getMessage().contains("too many connections"), crowdedOut.getMessage());

            BoxConnector.Connection ownerPath = BoxConnector.connect(relayOnly, box.did(), ownerKey, enrollment.relayPass());
            try (BoxClient owner = ownerPath.client().withToken(enrollment.token().orElseThrow())) {
                assertEquals(BoxConnector.Path.RELAYED, ownerPath.path());
                assertEquals(List.of(), owner.list("Films"), "the owner gets in on the devices' share");
            }
        } finally {
            for (Stranger attacker : attackers) {
                attacker.close();
            }
        }
    }

    @Test
    void strangersCannotWipeOutTypedCodes() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SMALL));
        HomeBox box = boxBehind(relay);
        HomeBox.Invitation invitation = box.invitation(HomeBox.DEFAULT_INVITE_LIFETIME);
        ShortCode code = invitation.code().orElseThrow();

        for (int i = 0; i < 20; i++) {
            HostKey unregistered = Stranger.freshKey(dir, "drive-by-" + i);
            IOException refused = assertThrows(IOException.class, () -> leaveBeacon(unregistered, relay));
            assertTrue(refused.getMessage().contains("registered"), refused.getMessage());
        }
        List<Socket> controls = new ArrayList<>();
        int registered = 0;
        try {
            for (int i = 0; i < SMALL.boxesPerAddress() + 3; i++) {
                HostKey fake = Stranger.freshKey(dir, "fake-box-" + i);
                Socket control = Stranger.tcp(address(9), relay.address());
                RelayProtocol.send(control.getOutputStream(), "BOX " + fake.did().value());
                try {
                    RelayProtocol.prove(control.getInputStream(), control.getOutputStream(), fake);
                } catch (IOException refused) {
                    control.close();
                    continue;
                }
                controls.add(control);
                registered++;
                for (int beacon = 0; beacon < 50; beacon++) {
                    ShortCode junk = ShortCode.generate(new SecureRandom());
                    leaveBeacon(fake, relay, junk.lookupId(), "QUJD" + beacon);
                }
            }
            assertEquals(SMALL.boxesPerAddress(), registered, "one address registers only a few boxes");
            assertTrue(relay.beaconCount() <= registered + 1, relay.beaconCount() + " beacons kept: one per registered box");
            PairingInvite found = PairingBeacon.fetch(box.endpoints().get(box.endpoints().size() - 1), code, Clock.systemUTC());
            assertEquals(box.did(), found.boxDid(), "the real box's code still works");
        } finally {
            for (Socket control : controls) {
                control.close();
            }
        }
    }

    @Test
    void codeLookupsAreRateLimitedPerAddress() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SMALL));
        String lastAnswer = "";
        for (int i = 0; i <= RelayLimits.LOOKUPS_PER_MINUTE; i++) {
            try (Socket socket = Stranger.tcp(address(4), relay.address())) {
                RelayProtocol.send(socket.getOutputStream(), "LOOKUP " + ShortCode.generate(new SecureRandom()).lookupId());
                lastAnswer = RelayProtocol.read(socket.getInputStream());
            }
        }
        assertTrue(lastAnswer.contains("too many code lookups"), lastAnswer);
        try (Socket other = Stranger.tcp(address(5), relay.address())) {
            RelayProtocol.send(other.getOutputStream(), "LOOKUP " + ShortCode.generate(new SecureRandom()).lookupId());
            assertTrue(RelayProtocol.read(other.getInputStream()).contains("no box is waiting"), "another address is not held back");
        }
    }

    @Test
    void silentGreetingsHoldNeitherThreadsNorTheRelay() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SMALL));
        int threadsBefore = Thread.activeCount();
        List<Socket> silent = new ArrayList<>();
        int refusedAtOnce = 0;
        try {
            int tries = RelayLimits.GREETINGS_PER_CLIENT + 50;
            for (int i = 0; i < tries; i++) {
                silent.add(Stranger.tcp(address(6), relay.address()));
            }
            for (Socket socket : silent) {
                socket.setSoTimeout(20);
                try {
                    String answer = RelayProtocol.read(socket.getInputStream());
                    refusedAtOnce += answer.startsWith("ERROR") ? 1 : 0;
                } catch (java.net.SocketTimeoutException held) {
                    // Held until the greeting deadline.
                } catch (IOException closed) {
                    refusedAtOnce++;
                }
            }
            assertTrue(refusedAtOnce >= tries - RelayLimits.GREETINGS_PER_CLIENT, refusedAtOnce + " refused at once");
            assertTrue(Thread.activeCount() - threadsBefore < 10, "threads grew by " + (Thread.activeCount() - threadsBefore));
            Socket first = silent.get(0);
            first.setSoTimeout((int) RelayLimits.GREETING_DEADLINE.plusSeconds(3).toMillis());
            long start = System.nanoTime();
            assertEquals(-1, first.getInputStream().read(), "a silent connection is closed at the greeting deadline");
            assertTrue(System.nanoTime() - start < RelayLimits.GREETING_DEADLINE.plusSeconds(2).toNanos());
            try (Socket polite = Stranger.tcp(address(7), relay.address())) {
                RelayProtocol.send(polite.getOutputStream(), "LOOKUP " + ShortCode.generate(new SecureRandom()).lookupId());
                assertTrue(RelayProtocol.read(polite.getInputStream()).startsWith("ERROR no box"), "others are still served");
            }
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    private static void leaveBeacon(HostKey box, CarrierRelay relay) throws IOException {
        leaveBeacon(box, relay, ShortCode.generate(new SecureRandom()).lookupId(), "QUJD");
    }

    private static void leaveBeacon(HostKey box, CarrierRelay relay, String lookupId, String beacon) throws IOException {
        RelayRegistration.publishBeacon(relay.address(), box, lookupId, beacon);
    }
}
