package org.elastos.frontdoor.wallet.envelope;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {
    private static final String DOMAIN = EnvelopeDomains.PAIR_INVITE;
    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    private final DidKey did = DidKey.fromEd25519PublicKey(key.generatePublicKey().getEncoded());

    private Envelope sign(String domain, ObjectNode payload) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] digest = Envelope.signingDigest(domain, payload);
        signer.update(digest, 0, digest.length);
        return Envelope.of(domain, payload, signer.generateSignature(), did);
    }

    private static ObjectNode invite() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("box_name", "Living room");
        payload.put("expires_at", "2026-11-24T04:00:00Z");
        payload.putArray("endpoints").add("tls://127.0.0.1:7443");
        return payload;
    }

    @Test
    void verifiesWhatWasSignedForTheSameDomain() {
        Envelope envelope = sign(DOMAIN, invite());
        Envelope reread = Envelope.parse(envelope.toJsonString());
        assertEquals(did, reread.verify(DOMAIN));
    }

    @Test
    void survivesReformattingBecauseTheSignatureCoversCanonicalJson() {
        Envelope envelope = sign(DOMAIN, invite());
        String reordered = "{\"signer_did\":\"" + did + "\",\"signature\":\"" + envelope.signatureHex() + "\","
                + "\"payload\":{ \"endpoints\" : [ \"tls://127.0.0.1:7443\" ], \"expires_at\":\"2026-11-24T04:00:00Z\","
                + " \"box_name\":\"Living room\" }}";
        assertEquals(did, Envelope.parse(reordered).verify(DOMAIN));
    }

    @Test
    void refusesASecondDocumentAfterTheEnvelope() {
        String json = sign(DOMAIN, invite()).toJsonString();
        EnvelopeRejectedException e = assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(json + "\n{\"more\":1}"));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(json + " garbage"));
        Envelope.parse(json + "\n  ").verify(DOMAIN);
    }

    @Test
    void refusesAFileLongerThanAnyEnvelopeBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);   // 3 GiB, sparse: reading it whole would not fit in a test JVM
        }
        EnvelopeRejectedException e = assertThrows(EnvelopeRejectedException.class, () -> Envelope.read(huge));
        assertTrue(e.getMessage().contains("no envelope has more than"), e.getMessage());
    }

    @Test
    void refusesAnAlteredPayload() {
        String json = sign(DOMAIN, invite()).toJsonString().replace("Living room", "Living ro0m");
        EnvelopeRejectedException e = assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(json).verify(DOMAIN));
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
    }

    @Test
    void refusesASignatureMadeForAnotherDomain() {
        Envelope envelope = sign(EnvelopeDomains.RELEASE, invite());
        EnvelopeRejectedException e = assertThrows(EnvelopeRejectedException.class, () -> envelope.verify(DOMAIN));
        assertTrue(e.getMessage().contains("signed for " + EnvelopeDomains.RELEASE), e.getMessage());
    }

    @Test
    void aRewrittenDomainFieldDoesNotRepurposeTheSignature() {
        String relabelled = sign(EnvelopeDomains.RELEASE, invite()).toJsonString().replace(EnvelopeDomains.RELEASE, DOMAIN);
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(relabelled).verify(DOMAIN));
    }

    @Test
    void readsEnvelopesThatDoNotStateTheirDomain() {
        ObjectNode json = sign(DOMAIN, invite()).toJson();
        json.remove("domain");
        Envelope bare = Envelope.parse(json.toString());
        assertTrue(bare.statedDomain().isEmpty());
        assertEquals(did, bare.verify(DOMAIN));
        assertThrows(EnvelopeRejectedException.class, () -> bare.verify(EnvelopeDomains.RELEASE));
    }

    @Test
    void refusesAnotherSignerClaimingTheSignature() {
        Envelope envelope = sign(DOMAIN, invite());
        DidKey stranger = DidKey.fromEd25519PublicKey(new Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey().getEncoded());
        String json = envelope.toJsonString().replace(did.value(), stranger.value());
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(json).verify(DOMAIN));
    }

    @Test
    void refusesMalformedEnvelopesWithAReason() {
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse("not json"));
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse("{\"payload\":{},\"signature\":\"00\",\"signer_did\":\"" + did + "\"}"));
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse("{\"payload\":[],\"signature\":\"" + "0".repeat(128) + "\",\"signer_did\":\"" + did + "\"}"));
        String extra = sign(DOMAIN, invite()).toJson().put("note", "hi").toString();
        assertThrows(EnvelopeRejectedException.class, () -> Envelope.parse(extra));
    }

    @Test
    void refusesADomainThatIsNotLowerCaseAsciiWithAVersion() {
        assertThrows(IllegalArgumentException.class, () -> Envelope.signingDigest("Pairing", invite()));
        assertThrows(IllegalArgumentException.class, () -> Envelope.signingDigest("elastos.pair\u0000.v1", invite()));
    }
}
