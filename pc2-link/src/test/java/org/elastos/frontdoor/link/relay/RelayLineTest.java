package org.elastos.frontdoor.link.relay;

import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's words, each read whole and checked before the relay acts, and the box's proof of its DID. */
class RelayLineTest {
    private static final String HEX64 = "ab".repeat(32);
    private static final String HEX32 = "cd".repeat(16);
    private static final String PASS = "A".repeat(42) + "_";

    @TempDir
    Path dir;

    private HostKey key(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom());
    }

    private static String why(String line) {
        return assertInstanceOf(RelayLine.Unreadable.class, RelayLine.parse(line), line).why();
    }

    @Test
    void everyWordIsReadWithItsArgument() {
        HostKey box = key("box");
        String did = box.did().value();
        assertEquals(new RelayLine.Box(box.did()), RelayLine.parse("BOX " + did));
        assertEquals(new RelayLine.Beacon(box.did()), RelayLine.parse("BEACON  " + did + " "), "spaces around are stripped");
        assertEquals(new RelayLine.Connect(box.did(), Optional.empty()), RelayLine.parse("CONNECT " + did));
        assertEquals(new RelayLine.Connect(box.did(), Optional.of(PASS)), RelayLine.parse("CONNECT " + did + " PASS " + PASS));
        assertEquals(new RelayLine.Pass(HEX64), RelayLine.parse("PASS " + HEX64));
        assertEquals(new RelayLine.Unpass(HEX64), RelayLine.parse("UNPASS " + HEX64));
        assertEquals(new RelayLine.Publish(HEX64, "beacon_-1"), RelayLine.parse("PUBLISH " + HEX64 + " beacon_-1"));
        assertEquals(new RelayLine.Lookup(HEX64), RelayLine.parse("LOOKUP " + HEX64));
        assertEquals(new RelayLine.Accept(HEX32), RelayLine.parse("ACCEPT " + HEX32));
        assertEquals(new RelayLine.Pong(), RelayLine.parse("PONG"));
        byte[] signature = new byte[64];
        Arrays.fill(signature, (byte) 0x5a);
        RelayLine.Signature read = assertInstanceOf(RelayLine.Signature.class,
                RelayLine.parse("SIGNATURE " + HexFormat.of().formatHex(signature)));
        assertArrayEquals(signature, read.bytes());
    }

    @Test
    void everyMalformedArgumentIsUnreadableWithItsReason() {
        String did = key("box").did().value();
        assertEquals("not a did:key", why("BOX did:key:nonsense"));
        assertEquals("not a did:key", why("BEACON"));
        assertEquals("not a did:key", why("CONNECT nobody"));
        assertEquals("expected CONNECT did:key [PASS pass]", why("CONNECT " + did + " PASS"));
        assertEquals("expected CONNECT did:key [PASS pass]", why("CONNECT " + did + " PAS " + PASS));
        assertEquals("expected CONNECT did:key [PASS pass]", why("CONNECT " + did + " PASS " + PASS.substring(1)));
        assertEquals("expected CONNECT did:key [PASS pass]", why("CONNECT " + did + " PASS " + PASS + " more"));
        assertEquals("a pass hash is 64 hex digits", why("PASS " + HEX64.toUpperCase()));
        assertEquals("a pass hash is 64 hex digits", why("UNPASS " + HEX64 + "a"));
        assertEquals("a signature is 64 bytes of hex", why("SIGNATURE " + "00".repeat(63)));
        assertEquals("expected PUBLISH lookup-id beacon", why("PUBLISH " + HEX64));
        assertEquals("expected PUBLISH lookup-id beacon", why("PUBLISH " + HEX64 + " a b"));
        assertEquals("expected PUBLISH lookup-id beacon", why("PUBLISH " + HEX64 + " " + "a".repeat(3801)));
        assertEquals("expected PUBLISH lookup-id beacon", why("PUBLISH " + HEX32 + " beacon"));
        assertEquals("a lookup id is 64 hex digits", why("LOOKUP " + HEX32));
        assertEquals("a session is 32 hex digits", why("ACCEPT " + HEX64));
        assertEquals("PONG takes nothing after it", why("PONG now"));
        assertEquals("unknown request", why("HELLO"));
        assertEquals("unknown request", why(""));
    }

    @Test
    void aLineIsReadUpToItsNewlineAndNotAByteFurther() throws IOException {
        InputStream in = new ByteArrayInputStream("PONG\n\u0016\u0003\u0001".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("PONG", RelayProtocol.read(in));
        assertEquals(0x16, in.read(), "the TLS bytes after the line are left for the splice");
        assertThrows(EOFException.class, () -> RelayProtocol.read(new ByteArrayInputStream("PON".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aLineOfMoreThan4096BytesIsRefused() throws IOException {
        String longest = "x".repeat(4096);
        assertEquals(longest, RelayProtocol.read(new ByteArrayInputStream((longest + "\n").getBytes(StandardCharsets.US_ASCII))));
        assertThrows(IOException.class,
                () -> RelayProtocol.read(new ByteArrayInputStream((longest + "x\n").getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void theBoxProvesItsDidBySigningTheChallengeUnderTheRelaysDomain() throws IOException {
        HostKey box = key("box");
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        String relaySays = "CHALLENGE " + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge) + "\nOK\n";
        RelayProtocol.prove(new ByteArrayInputStream(relaySays.getBytes(StandardCharsets.US_ASCII)), sent, box);

        String line = sent.toString(StandardCharsets.US_ASCII);
        assertTrue(line.endsWith("\n"));
        RelayLine.Signature signature = assertInstanceOf(RelayLine.Signature.class, RelayLine.parse(line.strip()));
        byte[] message = RelayProtocol.registrationMessage(challenge);
        assertEquals(RelayProtocol.REGISTER_DOMAIN.length() + 1 + 32, message.length);
        assertArrayEquals(RelayProtocol.REGISTER_DOMAIN.getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(message, RelayProtocol.REGISTER_DOMAIN.length()), "the domain first");
        assertEquals(0, message[RelayProtocol.REGISTER_DOMAIN.length()], "a zero byte after the domain");
        assertArrayEquals(challenge, Arrays.copyOfRange(message, message.length - 32, message.length));
        assertTrue(box.did().verifies(message, signature.bytes()), "the signature is over domain, zero, challenge");
    }

    @Test
    void theBoxStopsWhenTheRelaySaysAnythingElse() {
        HostKey box = key("box");
        for (String relaySays : new String[] {"ERROR busy\n", "CHALLENGE AAAA\nERROR no\n"}) {
            IOException refused = assertThrows(IOException.class, () -> RelayProtocol.prove(
                    new ByteArrayInputStream(relaySays.getBytes(StandardCharsets.US_ASCII)), new ByteArrayOutputStream(), box));
            assertTrue(refused.getMessage().contains(relaySays.contains("no") ? "refused the box: ERROR no" : "said ERROR busy"),
                    refused.getMessage());
        }
    }

    @Test
    void aPassIsKeptOnlyAsItsSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RelayProtocol.passHash("abc"));
    }
}
