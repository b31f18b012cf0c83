package org.elastos.frontdoor.box;

import io.netty.channel.embedded.EmbeddedChannel;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The box's gate on its own, over Netty's in-memory channels: the shares of connections and handshakes each peer may
 * hold, the share strangers can never take, and that every share comes back when its connection closes.
 */
class PeerGateTest {
    // 4 connections, 2 of them kept for devices; a device may hold 2, a stranger 1; 2 handshakes per address, 3 relayed.
    private static final BoxLimits LIMITS = new BoxLimits(4, 2, 2, 1, 2, 3, Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofSeconds(30), 2, 0);

    @TempDir
    Path dir;
    private final PeerGate gate = new PeerGate(LIMITS);

    private DidKey did(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom()).did();
    }

    @Test
    void oneAddressMayHandshakeOnlySoManyTimesAtOnceAndTheRelayItsOwnShare() {
        assertEquals(Optional.empty(), gate.handshakeStarts("10.0.0.1", false));
        assertEquals(Optional.empty(), gate.handshakeStarts("10.0.0.1", false));
        assertEquals(Optional.of(PeerGate.Refusal.HANDSHAKES), gate.handshakeStarts("10.0.0.1", false));
        assertEquals(Optional.empty(), gate.handshakeStarts("10.0.0.2", false), "another address has its own share");
        gate.handshakeEnds("10.0.0.1");
        assertEquals(Optional.empty(), gate.handshakeStarts("10.0.0.1", false), "an ended handshake gives its share back");
    }

    @Test
    void handshakesThroughTheRelayHaveTheRelaysShareAndAllOfThemTheBoxsRoom() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), gate.handshakeStarts("relay", true), "handshake " + i);
        }
        assertEquals(Optional.of(PeerGate.Refusal.HANDSHAKES), gate.handshakeStarts("relay", true), "the relay's share is 3");
        assertEquals(Optional.empty(), gate.handshakeStarts("10.0.0.9", false));
        assertEquals(Optional.of(PeerGate.Refusal.FULL), gate.handshakeStarts("10.0.0.8", false),
                "a fifth handshake at once does not fit a box of four");
        gate.handshakeEnds("relay");
        assertEquals(Optional.empty(), gate.handshakeStarts("10.0.0.8", false), "an ended one makes room");
        assertEquals(Optional.of(PeerGate.Refusal.FULL), gate.handshakeStarts("10.0.0.7", false),
                "and a refusal took none: the room is full again, not over-full");
    }

    @Test
    void strangersNeverTakeTheShareKeptForDevices() {
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        assertEquals(Optional.empty(), gate.admit(did("stranger-1"), false, first));
        assertEquals(Optional.empty(), gate.admit(did("stranger-2"), false, second));
        assertEquals(Optional.of(PeerGate.Refusal.STRANGERS_FULL), gate.admit(did("stranger-3"), false, new EmbeddedChannel()));
        assertEquals(2, gate.openConnections(), "a refused stranger holds nothing");

        DidKey owner = did("owner");
        assertEquals(Optional.empty(), gate.admit(owner, true, new EmbeddedChannel()));
        assertEquals(Optional.empty(), gate.admit(owner, true, new EmbeddedChannel()), "the owner gets the kept share");
        assertEquals(4, gate.openConnections());
        assertEquals(Optional.of(PeerGate.Refusal.FULL), gate.admit(did("phone"), true, new EmbeddedChannel()));
        assertEquals(4, gate.openConnections());

        first.close();
        assertEquals(3, gate.openConnections(), "a closed connection gives its place back");
        assertEquals(Optional.empty(), gate.admit(did("stranger-3"), false, new EmbeddedChannel()),
                "and its place among the strangers");
    }

    @Test
    void onePeerHoldsOnlyItsOwnShareAndGetsItBackWhenItsConnectionsClose() {
        DidKey stranger = did("stranger");
        EmbeddedChannel held = new EmbeddedChannel();
        assertEquals(Optional.empty(), gate.admit(stranger, false, held));
        assertEquals(Optional.of(PeerGate.Refusal.PER_PEER), gate.admit(stranger, false, new EmbeddedChannel()));
        DidKey laptop = did("laptop");
        assertEquals(Optional.empty(), gate.admit(laptop, true, new EmbeddedChannel()));
        EmbeddedChannel laptopSecond = new EmbeddedChannel();
        assertEquals(Optional.empty(), gate.admit(laptop, true, laptopSecond));
        assertEquals(Optional.of(PeerGate.Refusal.PER_PEER), gate.admit(laptop, true, new EmbeddedChannel()));
        assertEquals(3, gate.openConnections());

        held.close();
        laptopSecond.close();
        assertEquals(1, gate.openConnections());
        assertEquals(Optional.empty(), gate.admit(stranger, false, new EmbeddedChannel()), "the stranger's share came back");
        assertEquals(Optional.empty(), gate.admit(laptop, true, new EmbeddedChannel()), "and the laptop's");
    }

    @Test
    void aConnectionRefusedForAFullBoxGivesBackThePeersShare() {
        DidKey laptop = did("laptop");
        for (String name : new String[] {"a", "b", "c", "d"}) {
            assertEquals(Optional.empty(), gate.admit(did(name), true, new EmbeddedChannel()));
        }
        assertEquals(Optional.of(PeerGate.Refusal.FULL), gate.admit(laptop, true, new EmbeddedChannel()));
        assertEquals(Optional.of(PeerGate.Refusal.FULL), gate.admit(laptop, true, new EmbeddedChannel()));
        assertEquals(Optional.of(PeerGate.Refusal.FULL), gate.admit(laptop, true, new EmbeddedChannel()),
                "refused for room, never for its own share, which it never kept");
    }

    @Test
    void aStrangerMayMakeOnlySoManyRequestsASecond() {
        DidKey stranger = did("stranger");
        assertTrue(gate.strangerMayRequest(stranger));
        assertTrue(gate.strangerMayRequest(stranger));
        assertFalse(gate.strangerMayRequest(stranger));
        assertTrue(gate.strangerMayRequest(did("another")), "each stranger has its own rate");
    }
}
