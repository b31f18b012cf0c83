package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.InviteQr;
import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.PeerIdentityException;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real box on loopback and the app's link client: pairing, refusals, revocation and ranged downloads. */
class PairingTest {
    @TempDir
    Path dir;
    private HomeBox box;

    @BeforeEach
    void startBox() throws IOException {
        box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
    }

    @AfterEach
    void stopBox() {
        box.close();
    }

    private HostKey device(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom());
    }

    /** What the app does with a picture of the code: decode it, check the invite, connect, pair. */
    private BoxClient pairFromPicture(Path png, HostKey device, String name) throws IOException {
        String link = InviteQr.read(ImageIO.read(png.toFile())).orElseThrow(() -> new AssertionError("no QR code found in " + png));
        PairingInvite invite = PairingInvite.fromLink(link, Clock.systemUTC());
        BoxClient client = BoxClient.connect(invite.endpoints().get(0), invite.boxDid(), device);
        BoxClient.Enrollment enrollment = client.pair(invite, name);
        assertFalse(enrollment.pending(), "the first device is enrolled at once");
        return client;
    }

    @Test
    void pairsTheFirstDeviceAsOwnerFromThePngTheBoxWrote() throws Exception {
        Path png = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        assertEquals(dir.resolve("box").resolve("pairing-qr.png"), png);

        try (BoxClient client = pairFromPicture(png, device("laptop"), "Laptop")) {
            assertEquals(box.did().value(), client.info().path("box_did").asText());
            assertEquals(List.of(), client.list("Films"));
            assertEquals("owner", client.devices().get(0).role());
        }
        assertTrue(box.audit().entries().stream().anyMatch(e -> e.event().equals("grant") && e.detail().contains("owner")));
        assertEquals(Optional.empty(), box.audit().firstBrokenEntry());
    }

    @Test
    void refusesATamperedInviteOnTheAppBeforeConnecting() throws IOException {
        String link = box.inviteLink(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        PairingInvite original = PairingInvite.fromLink(link, Clock.systemUTC());
        // Re-sign the same payload with another key but keep the box's DID in it: the signature no longer matches.
        HostKey stranger = device("stranger");
        PairingInvite impersonated = new PairingInvite(stranger.did(), original.boxName(), original.endpoints(),
                original.secret(), original.expiresAt());
        String strangerLink = impersonated.link(stranger);
        String spliced = strangerLink.substring(0, PairingInvite.LINK_PREFIX.length())
                + swapDid(strangerLink.substring(PairingInvite.LINK_PREFIX.length()), stranger, box);
        InviteRefusedException refused = assertThrows(InviteRefusedException.class,
                () -> PairingInvite.fromLink(spliced, Clock.systemUTC()));
        assertEquals(InviteRefusedException.Reason.WRONG_SIGNATURE, refused.reason());

        char[] chars = link.toCharArray();
        chars[chars.length - 20] = chars[chars.length - 20] == 'A' ? 'B' : 'A';
        InviteRefusedException damaged = assertThrows(InviteRefusedException.class,
                () -> PairingInvite.fromLink(new String(chars), Clock.systemUTC()));
        assertTrue(damaged.reason() == InviteRefusedException.Reason.WRONG_SIGNATURE
                || damaged.reason() == InviteRefusedException.Reason.MALFORMED, damaged.reason().name());
    }

    @Test
    void refusesAnExpiredInviteOnTheAppAndOnTheBox() {
        PairingInvite invite = box.invite(Duration.ofMinutes(5));
        String link = box.inviteLink(invite);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        assertEquals(InviteRefusedException.Reason.EXPIRED,
                assertThrows(InviteRefusedException.class, () -> PairingInvite.fromLink(link, later)).reason());

        PairingInvite stale = box.invite(Duration.ofMillis(1));
        try (BoxClient client = BoxClient.connect(stale.endpoints().get(0), stale.boxDid(), device("late"))) {
            sleep(Duration.ofMillis(20));
            assertEquals(InviteRefusedException.Reason.EXPIRED,
                    assertThrows(InviteRefusedException.class, () -> client.pair(stale, "Late")).reason());
        }
    }

    @Test
    void refusesAReplayedInvite() throws Exception {
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        try (BoxClient first = BoxClient.connect(invite.endpoints().get(0), invite.boxDid(), device("first"))) {
            first.pair(invite, "First");
        }
        try (BoxClient second = BoxClient.connect(invite.endpoints().get(0), invite.boxDid(), device("second"))) {
            InviteRefusedException refused = assertThrows(InviteRefusedException.class, () -> second.pair(invite, "Second"));
            assertEquals(InviteRefusedException.Reason.ALREADY_USED, refused.reason());
        }
        assertEquals(1, box.devices().size());
    }

    @Test
    void refusesAnEndpointWhoseCertificateIsNotTheInvitesBox() throws Exception {
        try (HomeBox other = HomeBox.start(dir.resolve("other"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Clock.systemUTC())) {
            PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
            URI wrongPlace = URI.create("tls://127.0.0.1:" + other.address().getPort());
            PeerIdentityException refused = assertThrows(PeerIdentityException.class,
                    () -> BoxClient.connect(wrongPlace, invite.boxDid(), device("phone")));
            assertTrue(refused.getMessage().contains(invite.boxDid().fingerprint()), refused.getMessage());
            assertTrue(other.devices().isEmpty());
        }
    }

    @Test
    void aRevokedDeviceIsCutOffWithinASecondAndRefusedAfter() throws Exception {
        HostKey ownerKey = device("owner");
        HostKey phoneKey = device("phone");
        Path png = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        try (BoxClient owner = pairFromPicture(png, ownerKey, "Owner laptop")) {
            PairingInvite second = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
            BoxClient phone = BoxClient.connect(second.endpoints().get(0), second.boxDid(), phoneKey);
            assertTrue(phone.pair(second, "Phone").pending(), "later devices wait for an owner");
            assertThrows(BoxRefusedException.class, () -> phone.list("Films"));
            assertEquals("pending", owner.devices().stream().filter(d -> d.did().equals(phoneKey.did())).findFirst().orElseThrow().state());
            owner.approve(phoneKey.did());
            assertFalse(phone.enrollment().pending());
            assertEquals(List.of(), phone.list("Photos"));
            assertThrows(BoxRefusedException.class, () -> phone.devices(), "members cannot manage devices");

            owner.revoke(phoneKey.did());
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (box.openConnections(phoneKey.did()) > 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(10));
            }
            assertEquals(0, box.openConnections(phoneKey.did()), "cut off within a second");
            assertThrows(LinkException.class, () -> phone.list("Photos"));
            phone.close();

            LinkException again = assertThrows(LinkException.class, () -> {
                try (BoxClient retry = BoxClient.connect(second.endpoints().get(0), box.did(), phoneKey)) {
                    retry.list("Photos");
                }
            });
            assertFalse(again instanceof PeerIdentityException, "the box refused the device, not the other way round");
            assertTrue(box.audit().entries().stream().anyMatch(e -> e.event().equals("revoke")));
        }
    }

    @Test
    void resumesADownloadWithAByteRangeAndTheHashMatches() throws Exception {
        byte[] film = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(film);
        Files.write(dir.resolve("box").resolve("Films").resolve("sintel.mp4"), film);
        Path png = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        HostKey laptop = device("laptop");
        String token;
        byte[] firstPart;
        try (BoxClient client = pairFromPicture(png, laptop, "Laptop")) {
            token = client.enrollment().token().orElseThrow();
            assertEquals(film.length, client.list("Films").get(0).size());
            LinkHttp.Response whole = client.read("Films/sintel.mp4", 0);
            assertEquals(film.length, whole.length());
            firstPart = whole.body().readNBytes(1_000_000);
            // The connection drops mid-transfer.
        }
        try (BoxClient again = BoxClient.connect(URI.create("tls://127.0.0.1:" + box.address().getPort()), box.did(), laptop)
                .withToken(token)) {
            LinkHttp.Response rest = again.read("Films/sintel.mp4", firstPart.length);
            assertEquals(206, rest.status());
            assertEquals("bytes " + firstPart.length + "-" + (film.length - 1) + "/" + film.length,
                    rest.header("content-range").orElseThrow());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(firstPart);
            try (InputStream body = rest.body()) {
                sha.update(body.readAllBytes());
            }
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(film), sha.digest());
        }
    }

    @Test
    void refusesPathsOutsideTheFolders() throws Exception {
        Files.writeString(dir.resolve("box").resolve("box-secret.txt"), "not for devices");
        Path png = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        try (BoxClient client = pairFromPicture(png, device("laptop"), "Laptop")) {
            for (String path : List.of("Films/../box.key", "../box.key", "/etc/passwd", "box-secret.txt", "Films/\"x")) {
                BoxRefusedException refused = assertThrows(BoxRefusedException.class, () -> client.read(path, 0), path);
                assertEquals(400, refused.status(), path);
            }
            assertTrue(client.list("Films").isEmpty(), "the link still works after refusals");
        }
    }

    /** The stranger's envelope, with the box's DID written over the stranger's as both the subject and signer. */
    private static String swapDid(String base64Envelope, HostKey from, HomeBox to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode envelope = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(base64Envelope));
        assertEquals(from.did().value(), envelope.path("signer_did").asText());
        envelope.put("signer_did", to.did().value());
        ((ObjectNode) envelope.path("payload")).put("box_did", to.did().value());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(envelope));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
