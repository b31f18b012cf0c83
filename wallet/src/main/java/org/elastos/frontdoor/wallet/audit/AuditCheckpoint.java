package org.elastos.frontdoor.wallet.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A log's head signed by the log's keeper (a box, by its DID), for {@value EnvelopeDomains#AUDIT_CHECKPOINT}. Whoever
 * holds one can later prove that the log was cut short or rewritten, even by someone holding the keeper's files.
 */
public record AuditCheckpoint(DidKey keeper, AuditHead head, Instant at) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static AuditCheckpoint of(DidKey keeper, AuditHead head, Instant at) {
        return new AuditCheckpoint(keeper, head, at);
    }

    public Envelope sign(DidSigner signer) {
        if (!signer.did().equals(keeper)) {
            throw new IllegalArgumentException("a checkpoint of " + keeper + " cannot be signed by " + signer.did());
        }
        ObjectNode payload = JSON.createObjectNode().put("log", keeper.value()).put("seq", head.seq())
                .put("hash", head.hash()).put("at", at.toString());
        return signer.signEnvelope(EnvelopeDomains.AUDIT_CHECKPOINT, payload);
    }

    /**
     * Reads a checkpoint and checks that {@code keeper} signed it.
     *
     * @throws EnvelopeRejectedException when it is not a checkpoint, or not this keeper's
     */
    public static AuditCheckpoint verify(Envelope envelope, DidKey keeper) {
        DidKey signer = envelope.verify(EnvelopeDomains.AUDIT_CHECKPOINT);
        ObjectNode payload = envelope.payload();
        if (!signer.equals(keeper) || !keeper.value().equals(payload.path("log").asText())) {
            throw new EnvelopeRejectedException("this checkpoint was signed by " + signer.fingerprint() + ", not by the"
                    + " box " + keeper.fingerprint() + " whose log this is");
        }
        try {
            return new AuditCheckpoint(keeper, new AuditHead(payload.path("seq").asLong(-1), payload.path("hash").asText("")),
                    Instant.parse(payload.path("at").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EnvelopeRejectedException("this checkpoint's sequence, hash or time is malformed", e);
        }
    }
}
