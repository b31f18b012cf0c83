package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invite as a link, as a beacon with a typed code, and the code itself: what is accepted and what is refused. */
class InviteTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<URI> ENDPOINTS = List.of(URI.create("tls://192.168.1.20:4433"), URI.create("relay://relay.example:7443"));

    @TempDir
    Path dir;

    private HostKey key(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom());
    }

    private static byte[] secret() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static InviteRefusedException.Reason refusal(Runnable read) {
        return assertThrows(InviteRefusedException.class, read::run).reason();
    }

    @Test
    void aLinkReadsBackAsTheInviteTheBoxSigned() {
        HostKey box = key("box");
        byte[] secret = secret();
        PairingInvite invite = new PairingInvite(box.did(), "Home box", ENDPOINTS, secret, NOW.plus(Duration.ofMinutes(10)));
        String link = invite.link(box);
        assertTrue(link.startsWith(PairingInvite.LINK_PREFIX));
        PairingInvite read = PairingInvite.fromLink("  " + link.substring(0, 60) + "\n" + link.substring(60) + " \n", CLOCK);
        assertEquals(invite, read, "spaces around it and a pasted line break are forgiven");
        assertArrayEquals(secret, read.secret());
        assertEquals(ENDPOINTS, read.endpoints());
        assertEquals(box.did().fingerprint(), read.fingerprint());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(secret)), read.secretDigest());
    }

    @Test
    void anInviteIsGoodUntilTheInstantItExpires() {
        HostKey box = key("box");
        String link = new PairingInvite(box.did(), "Home box", ENDPOINTS, secret(), NOW.plusSeconds(1)).link(box);
        PairingInvite.fromLink(link, Clock.fixed(NOW.plusMillis(999), ZoneOffset.UTC));
        assertEquals(InviteRefusedException.Reason.EXPIRED, refusal(() -> PairingInvite.fromLink(link, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC))));
    }

    @Test
    void aLinkThatIsNotAnInviteIsMalformed() {
        String tooLong = PairingInvite.LINK_PREFIX + "A".repeat(PairingInvite.MAX_LINK_CHARS);
        for (String link : new String[] {null, "", "https://example.com", tooLong, PairingInvite.LINK_PREFIX + "!!!",
                PairingInvite.LINK_PREFIX + Base64.getUrlEncoder().encodeToString("{\"payload\":1}".getBytes(StandardCharsets.UTF_8))}) {
            assertEquals(InviteRefusedException.Reason.MALFORMED, refusal(() -> PairingInvite.fromLink(link, CLOCK)), String.valueOf(link));
        }
    }

    @Test
    void aLinkIsRefusedForItsLengthOnlyPastTheLimit() {
        String longest = PairingInvite.LINK_PREFIX + "A".repeat(PairingInvite.MAX_LINK_CHARS - PairingInvite.LINK_PREFIX.length());
        assertTrue(assertThrows(InviteRefusedException.class, () -> PairingInvite.fromLink(longest, CLOCK)).getMessage()
                .contains("damaged"), "read, and found damaged");
        assertTrue(assertThrows(InviteRefusedException.class, () -> PairingInvite.fromLink(longest + "A", CLOCK)).getMessage()
                .contains("characters long"), "refused unread");
    }

    @Test
    void anInviteSignedByAnyoneButTheBoxItNamesIsRefused() {
        HostKey box = key("box");
        HostKey stranger = key("stranger");
        PairingInvite invite = new PairingInvite(box.did(), "Home box", ENDPOINTS, secret(), NOW.plusSeconds(600));
        assertThrows(IllegalArgumentException.class, () -> invite.link(stranger), "the library will not sign for another");
        String beacon = PairingBeacon.sign(stranger, invite);
        assertEquals(InviteRefusedException.Reason.WRONG_SIGNATURE,
                refusal(() -> PairingBeacon.open(beacon, ShortCode.generate(new SecureRandom()), CLOCK)));
    }

    @Test
    void anInviteMustHaveASecretAndEndpointsTheAppCanReach() {
        HostKey box = key("box");
        assertThrows(IllegalArgumentException.class, () -> new PairingInvite(box.did(), "b", ENDPOINTS, new byte[15], NOW));
        new PairingInvite(box.did(), "b", List.of(URI.create("tls://box:1")), new byte[16], NOW);
        assertNotEquals(new PairingInvite(box.did(), "b", ENDPOINTS, new byte[16], NOW),
                new PairingInvite(box.did(), "b", ENDPOINTS, new byte[17], NOW), "invites with other secrets differ");
        for (String endpoint : new String[] {"https://box:443", "tls://box", "relay:opaque"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new PairingInvite(box.did(), "b", List.of(URI.create(endpoint)), new byte[16], NOW), endpoint);
        }
        byte[] secret = secret();
        byte[] original = secret.clone();
        PairingInvite invite = new PairingInvite(box.did(), "b", ENDPOINTS, secret, NOW);
        secret[0] ^= 1;
        assertArrayEquals(original, invite.secret(), "the invite keeps its own copy");
        invite.secret()[1] ^= 1;
        assertArrayEquals(original, invite.secret(), "and hands out copies");
    }

    @Test
    void aBeaconAndItsTypedCodeMakeTheInviteWithTheCodesSecret() {
        HostKey box = key("box");
        ShortCode code = ShortCode.generate(new SecureRandom());
        PairingInvite invite = new PairingInvite(box.did(), "Home box", ENDPOINTS, code.secret(), NOW.plusSeconds(600));
        String beacon = PairingBeacon.sign(box, invite);
        assertTrue(!new String(Base64.getUrlDecoder().decode(beacon), StandardCharsets.UTF_8)
                .contains(Base64.getUrlEncoder().withoutPadding().encodeToString(code.secret())), "the beacon holds no secret");
        PairingInvite opened = PairingBeacon.open(beacon, code, CLOCK);
        assertEquals(invite, opened);
        assertEquals(InviteRefusedException.Reason.EXPIRED,
                refusal(() -> PairingBeacon.open(beacon, code, Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC))));
        assertEquals(InviteRefusedException.Reason.MALFORMED, refusal(() -> PairingBeacon.open("%%%", code, CLOCK)));
        String notABeacon = Base64.getUrlEncoder().encodeToString(box.signEnvelope(PairingBeacon.DOMAIN,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", "x")).toJson().toString()
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(InviteRefusedException.Reason.MALFORMED, refusal(() -> PairingBeacon.open(notABeacon, code, CLOCK)));
    }

    @Test
    void aTypedCodeForgivesCaseSpacesDashesAndLookalikeLetters() {
        ShortCode code = ShortCode.parse("k7qf-9xm2-ab4d");
        assertEquals("K7QF-9XM2-AB4D", code.toString());
        assertEquals(code, ShortCode.parse(" K7QF 9XM2\tAB4D "));
        assertEquals(ShortCode.parse("0111-0000-0000"), ShortCode.parse("OIL1-oooo-0000"));
        assertEquals(code.hashCode(), ShortCode.parse("K7QF9XM2AB4D").hashCode());
        assertNotEquals(code, ShortCode.parse("K7QF-9XM2-AB4E"));
        assertNotEquals(code.hashCode(), ShortCode.parse("K7QF-9XM2-AB4E").hashCode());
    }

    @Test
    void aCodeOfTheWrongLengthOrWithALetterNotInTheAlphabetIsMalformed() {
        for (String typed : new String[] {null, "", "K7QF-9XM2-AB4", "K7QF-9XM2-AB4DD", "K7QF-9XM2-AB4U", "K7QF-9XM2-AB4!"}) {
            assertEquals(InviteRefusedException.Reason.MALFORMED, refusal(() -> ShortCode.parse(typed)), String.valueOf(typed));
        }
        assertTrue(assertThrows(InviteRefusedException.class, () -> ShortCode.parse("K7QF-9XM2-AB4U")).getMessage().contains("\"U\""));
    }

    @Test
    void aCodesSecretAndLookupIdAreDomainSeparatedHashesOfIt() {
        ShortCode code = ShortCode.parse("K7QF-9XM2-AB4D");
        assertArrayEquals(Arrays.copyOf(sha256(bytes("elastos.pc2.short-code.secret.v1\0K7QF9XM2AB4D")), 16), code.secret());
        assertEquals(HexFormat.of().formatHex(sha256(bytes("elastos.pc2.short-code.lookup.v1\0K7QF9XM2AB4D"))), code.lookupId());
    }

    @Test
    void generatedCodesUseTheWholeAlphabetAndParseBack() {
        SecureRandom random = new SecureRandom();
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ShortCode code = ShortCode.generate(random);
            assertEquals(code, ShortCode.parse(code.toString()));
            seen.append(code.toString().replace("-", ""));
        }
        assertEquals(32, seen.chars().distinct().count());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
