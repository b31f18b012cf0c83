package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.Sha256;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What a box's QR code holds: who the box is (its DID, signing the invite), its name, where to reach it, a
 * single-use secret and an expiry. Carried as {@code elastos://pair?token=<base64url of the signed envelope>}.
 *
 * @param endpoints {@code tls://host:port} for the box itself, {@code relay://host:port} for a carrier relay
 */
public record PairingInvite(DidKey boxDid, String boxName, List<URI> endpoints, byte[] secret, Instant expiresAt) {
    public static final String DOMAIN = EnvelopeDomains.PAIR_INVITE;
    public static final String LINK_PREFIX = "elastos://pair?token=";
    /** A box's invite is under a thousand characters; a link past this is refused before it is decoded. */
    public static final int MAX_LINK_CHARS = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public PairingInvite {
        Objects.requireNonNull(boxDid, "boxDid");
        Objects.requireNonNull(boxName, "boxName");
        endpoints = List.copyOf(endpoints);
        secret = secret.clone();
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (secret.length < 16) {
            throw new IllegalArgumentException("a pairing secret has at least 16 bytes");
        }
        for (URI endpoint : endpoints) {
            if (!"tls".equals(endpoint.getScheme()) && !"relay".equals(endpoint.getScheme()) || endpoint.getPort() < 1) {
                throw new IllegalArgumentException("an endpoint is tls://host:port or relay://host:port, not " + endpoint);
            }
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The envelope signed by the box; {@code box} must be the key of {@link #boxDid()}. */
    public String link(DidSigner box) {
        if (!box.did().equals(boxDid)) {
            throw new IllegalArgumentException("an invite for " + boxDid + " cannot be signed by " + box.did());
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.put("box_did", boxDid.value());
        payload.put("name", boxName);
        ArrayNode list = payload.putArray("endpoints");
        endpoints.forEach(endpoint -> list.add(endpoint.toString()));
        payload.put("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        payload.put("expires_at", expiresAt.toString());
        Envelope envelope = box.signEnvelope(DOMAIN, payload);
        return LINK_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(envelope.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads and checks an invite link: the envelope's signature, that the box DID signed it, and that it has not
     * expired by {@code clock}. Surrounding spaces and a pasted line break are forgiven.
     *
     * @throws InviteRefusedException saying which check failed
     */
    public static PairingInvite fromLink(String link, Clock clock) {
        String text = link == null ? "" : link.strip();
        if (text.length() > MAX_LINK_CHARS) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "this is not a pairing invite: it is " + text.length() + " characters long, and invites have under "
                            + MAX_LINK_CHARS);
        }
        if (!text.startsWith(LINK_PREFIX)) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "this is not a pairing invite: it should start with " + LINK_PREFIX);
        }
        Envelope envelope;
        JsonNode payload;
        try {
            byte[] json = Base64.getUrlDecoder().decode(text.substring(LINK_PREFIX.length()).replaceAll("\\s", ""));
            envelope = Envelope.parse(new String(json, StandardCharsets.UTF_8));
            payload = envelope.payload();
        } catch (RuntimeException e) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "the invite is damaged or cut short; scan or copy it again", e);
        }
        PairingInvite invite;
        try {
            List<URI> endpoints = new ArrayList<>();
            payload.path("endpoints").forEach(node -> endpoints.add(URI.create(node.asText())));
            invite = new PairingInvite(DidKey.parse(payload.path("box_did").asText()), payload.path("name").asText(),
                    endpoints, Base64.getUrlDecoder().decode(payload.path("secret").asText()),
                    Instant.parse(payload.path("expires_at").asText()));
        } catch (RuntimeException e) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "the invite is missing part of what a box puts in it (" + e.getMessage() + ")", e);
        }
        try {
            DidKey signer = envelope.verify(DOMAIN);
            if (!signer.equals(invite.boxDid())) {
                throw new IllegalStateException("signed by " + signer + ", not by the box it names");
            }
        } catch (RuntimeException e) {
            throw new InviteRefusedException(InviteRefusedException.Reason.WRONG_SIGNATURE,
                    "the invite's signature does not match the box it names: it was altered, so it cannot be trusted", e);
        }
        if (!clock.instant().isBefore(invite.expiresAt())) {
            throw new InviteRefusedException(InviteRefusedException.Reason.EXPIRED,
                    "this invite expired at " + invite.expiresAt() + "; make a fresh one on the box (frontdoor box invite)");
        }
        return invite;
    }

    /** What a person compares with the box's screen before pairing: the last characters of its DID. */
    public String fingerprint() {
        return boxDid.fingerprint();
    }

    /** The secret's digest: what the box keeps, so a copied invite file cannot be replayed from the box's disk. */
    public String secretDigest() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(secret));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairingInvite invite && boxDid.equals(invite.boxDid) && boxName.equals(invite.boxName)
                && endpoints.equals(invite.endpoints) && Arrays.equals(secret, invite.secret)
                && expiresAt.equals(invite.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boxDid, boxName, endpoints, Arrays.hashCode(secret), expiresAt);
    }

    @Override
    public String toString() {
        return "PairingInvite[" + boxName + ", " + boxDid + ", " + endpoints + ", expires " + expiresAt + "]";
    }
}
