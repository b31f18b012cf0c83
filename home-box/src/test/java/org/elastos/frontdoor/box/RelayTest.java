package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.BoxUnreachableException;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.link.relay.RelayProtocol;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real relay, a box registered with it, and the app's connector, all on loopback. */
class RelayTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

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

    private HomeBox boxBehind(CarrierRelay relay) throws Exception {
        HomeBox box = keep(HomeBox.start(dir.resolve("box"), new InetSocketAddress(LOOPBACK, 0),
                Optional.of(relay.address()), Clock.systemUTC()));
        awaitRegistered(box);
        return box;
    }

    private static void awaitRegistered(HomeBox box) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!box.isRelayed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(box.isRelayed(), "the box registered with the relay");
    }

    /** Endpoints as a box behind NAT would have them: its LAN address unreachable from here, and the relay. */
    private static List<URI> unreachableDirectly(HomeBox box) throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            closed = probe.getLocalPort();
        }
        URI relay = box.endpoints().stream().filter(e -> e.getScheme().equals("relay")).findFirst().orElseThrow();
        return List.of(URI.create("tls://127.0.0.1:" + closed), relay);
    }

    private BoxClient pairedOwner(HomeBox box, HostKey device, List<URI> endpoints) {
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        BoxConnector.Connection connection = BoxConnector.connect(endpoints, invite.boxDid(), device);
        connection.client().pair(invite, "Laptop");
        return connection.client();
    }

    @Test
    void triesTheBoxDirectlyFirstAndFallsBackToTheRelay() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(LOOPBACK, 0), RelayLimits.DEFAULT));
        HomeBox box = boxBehind(relay);
        HostKey laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom());

        BoxConnector.Connection direct = BoxConnector.connect(box.endpoints(), box.did(), laptop);
        assertEquals(BoxConnector.Path.DIRECT, direct.path());
        direct.client().close();

        BoxConnector.Connection relayed = BoxConnector.connect(unreachableDirectly(box), box.did(), laptop);
        assertEquals(BoxConnector.Path.RELAYED, relayed.path());
        assertEquals(box.did().value(), relayed.client().info().path("box_did").asText());
        relayed.client().close();
    }

    @Test
    void theRelayCarriesOnlyCiphertext() throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(LOOPBACK, 0), RelayLimits.DEFAULT,
                (toBox, bytes) -> {
                    synchronized (seen) {
                        seen.writeBytes(bytes);
                    }
                }));
        HomeBox box = boxBehind(relay);
        String marker = "PLAINTEXT-THE-RELAY-MUST-NEVER-SEE ";
        Files.writeString(dir.resolve("box").resolve("Films").resolve("holiday-secret.mp4"), marker.repeat(20_000));
        HostKey laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom());

        String token;
        try (BoxClient client = pairedOwner(box, laptop, unreachableDirectly(box))) {
            token = client.enrollment().token().orElseThrow();
            assertEquals("holiday-secret.mp4", client.list("Films").get(0).name());
            try (InputStream film = client.read("Films/holiday-secret.mp4", 0).body()) {
                assertEquals(marker.length() * 20_000L, film.readAllBytes().length);
            }
        }
        String carried;
        synchronized (seen) {
            assertTrue(seen.size() > marker.length() * 20_000, "the film went through the relay: " + seen.size());
            carried = seen.toString(StandardCharsets.ISO_8859_1);
        }
        for (String plaintext : List.of("PLAINTEXT-THE-RELAY", "holiday-secret", "Films", token.substring(0, 24),
                "device_name", "Biscuit")) {
            assertFalse(carried.contains(plaintext), "the relay saw \"" + plaintext + "\" in clear");
        }
    }

    @Test
    void resumesADownloadAfterTheRelayRestartsMidTransfer() throws Exception {
        CarrierRelay first = CarrierRelay.start(new InetSocketAddress(LOOPBACK, 0), RelayLimits.DEFAULT);
        InetSocketAddress relayAddress = first.address();
        HomeBox box = boxBehind(first);
        byte[] film = new byte[8 * 1024 * 1024 + 3];
        new SecureRandom().nextBytes(film);
        Files.write(dir.resolve("box").resolve("Films").resolve("long.mp4"), film);
        HostKey laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom());
        List<URI> paths = unreachableDirectly(box);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        String token;
        try (BoxClient client = pairedOwner(box, laptop, paths)) {
            token = client.enrollment().token().orElseThrow();
            InputStream body = client.read("Films/long.mp4", 0).body();
            received.write(body.readNBytes(1_000_000));
            first.close();
            assertThrows(IOException.class, () -> {
                byte[] buffer = new byte[64 * 1024];
                while (body.read(buffer) >= 0) {
                    // Bytes past the first megabyte are dropped here; the resumed request asks for them again.
                }
            }, "the transfer breaks when the relay goes away");
        }

        CarrierRelay second = keep(CarrierRelay.start(relayAddress, RelayLimits.DEFAULT));
        awaitRegistered(box);
        BoxConnector.Connection again = BoxConnector.connect(paths, box.did(), laptop);
        assertEquals(BoxConnector.Path.RELAYED, again.path());
        try (BoxClient client = again.client().withToken(token)) {
            LinkHttp.Response rest = client.read("Films/long.mp4", received.size());
            assertEquals(206, rest.status());
            received.write(rest.body().readAllBytes());
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(film),
                MessageDigest.getInstance("SHA-256").digest(received.toByteArray()));
        assertTrue(second.isRegistered(box.did()));
    }

    @Test
    void refusesABoxThatCannotProveItsDid() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(LOOPBACK, 0), RelayLimits.DEFAULT));
        HostKey claimed = HostKey.loadOrCreate(dir.resolve("claimed.key"), new SecureRandom());
        HostKey actual = HostKey.loadOrCreate(dir.resolve("actual.key"), new SecureRandom());
        try (Socket socket = new Socket(relay.address().getAddress(), relay.address().getPort())) {
            RelayProtocol.send(socket.getOutputStream(), "BOX " + claimed.did().value());
            String challenge = RelayProtocol.read(socket.getInputStream());
            byte[] nonce = Base64.getUrlDecoder().decode(challenge.substring(10));
            byte[] wrong = actual.sign(RelayProtocol.registrationMessage(nonce));
            RelayProtocol.send(socket.getOutputStream(), "SIGNATURE " + HexFormat.of().formatHex(wrong));
            assertTrue(RelayProtocol.read(socket.getInputStream()).startsWith("ERROR"));
        }
        assertFalse(relay.isRegistered(claimed.did()));
        LinkException unknown = assertThrows(BoxUnreachableException.class, () -> BoxConnector.connect(
                List.of(URI.create("relay://127.0.0.1:" + relay.address().getPort())), claimed.did(), actual));
        assertTrue(unknown.getMessage().contains("not connected to this relay"), unknown.getMessage());
    }

    @Test
    void limitsConnectionsPerClientSoOneCannotStarveTheRest() throws Exception {
        CarrierRelay relay = keep(CarrierRelay.start(new InetSocketAddress(LOOPBACK, 0),
                new RelayLimits(8, 2, 4, 8, Duration.ofMinutes(1), 1L << 30)));
        HomeBox box = boxBehind(relay);
        HostKey laptop = HostKey.loadOrCreate(dir.resolve("laptop.key"), new SecureRandom());
        List<URI> relayOnly = List.of(box.endpoints().get(1));
        try (BoxClient one = BoxConnector.connect(relayOnly, box.did(), laptop).client();
             BoxClient two = BoxConnector.connect(relayOnly, box.did(), laptop).client()) {
            BoxUnreachableException third = assertThrows(BoxUnreachableException.class,
                    () -> BoxConnector.connect(relayOnly, box.did(), laptop));
            assertTrue(third.getMessage().contains("too many connections"), third.getMessage());
            assertTrue(one.isOpen() && two.isOpen());
        }
    }
}
