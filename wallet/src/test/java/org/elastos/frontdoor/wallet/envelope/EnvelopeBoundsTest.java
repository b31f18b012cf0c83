package org.elastos.frontdoor.wallet.envelope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The size an envelope may have, its stated domain, and when two envelopes are the same. */
class EnvelopeBoundsTest {
    @TempDir
    Path dir;

    /** A signed envelope whose JSON is exactly {@code length} characters, padded in its payload. */
    private static String envelopeOfLength(HostKey signer, int length) {
        ObjectNode payload = new ObjectMapper().createObjectNode().put("pad", "");
        int base = signer.signEnvelope("elastos.test.v1", payload).toJson().toString().length();
        payload.put("pad", "p".repeat(length - base));
        String json = signer.signEnvelope("elastos.test.v1", payload).toJson().toString();
        assertEquals(length, json.length());
        return json;
    }

    @Test
    void anEnvelopeOfExactlyTheLimitIsReadAndOneByteMoreIsRefusedUnread() throws IOException {
        HostKey signer = HostKey.loadOrCreate(dir.resolve("a.key"), new SecureRandom());
        String largest = envelopeOfLength(signer, Envelope.MAX_BYTES);
        assertEquals(signer.did(), Envelope.parse(largest).verify("elastos.test.v1"));
        Path file = Files.writeString(dir.resolve("largest.json"), largest);
        assertEquals(signer.did(), Envelope.read(file).verify("elastos.test.v1"));

        String over = envelopeOfLength(signer, Envelope.MAX_BYTES + 1);
        assertTrue(assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(over)).getMessage().contains("over"));
        Path big = Files.writeString(dir.resolve("over.json"), over);
        assertTrue(assertThrows(EnvelopeRejectedException.class, () -> Envelope.read(big)).getMessage()
                .contains((Envelope.MAX_BYTES + 1) + " bytes"));
    }

    @Test
    void theStatedDomainIsReadBackAndTwoEnvelopesDifferByAnyPart() {
        HostKey signer = HostKey.loadOrCreate(dir.resolve("a.key"), new SecureRandom());
        ObjectNode payload = new ObjectMapper().createObjectNode().put("n", 1);
        Envelope envelope = signer.signEnvelope("elastos.test.v1", payload);
        Envelope again = Envelope.parse(envelope.toJson().toString());
        assertEquals(Optional.of("elastos.test.v1"), again.statedDomain());
        assertEquals(envelope, again);
        assertEquals(envelope.hashCode(), again.hashCode());
        assertNotEquals(envelope, signer.signEnvelope("elastos.other.v1", payload));
        assertNotEquals(envelope, signer.signEnvelope("elastos.test.v1", payload.deepCopy().put("n", 2)));
        assertNotEquals(envelope, HostKey.loadOrCreate(dir.resolve("b.key"), new SecureRandom()).signEnvelope("elastos.test.v1", payload));
        assertNotEquals(envelope, "not an envelope");
    }
}
