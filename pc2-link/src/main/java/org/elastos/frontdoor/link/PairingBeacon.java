package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.link.relay.RelayProtocol;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An invite without its secret, signed by the box ({@code elastos.pc2.pair-beacon.v1}) and left at its relay under a
 * {@link ShortCode#lookupId()}. Whoever types the code gets the beacon back, checks the box's signature, and adds the
 * secret the code stands for; the relay never holds the secret.
 */
public final class PairingBeacon {
    public static final String DOMAIN = EnvelopeDomains.PAIR_BEACON;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PairingBeacon() {
    }

    /** The beacon for {@code invite}, as one base64url word. */
    public static String sign(DidSigner box, PairingInvite invite) {
        ObjectNode payload = JSON.createObjectNode().put("box_did", invite.boxDid().value()).put("name", invite.boxName());
        ArrayNode endpoints = payload.putArray("endpoints");
        invite.endpoints().forEach(endpoint -> endpoints.add(endpoint.toString()));
        payload.put("expires_at", invite.expiresAt().toString());
        Envelope envelope = box.signEnvelope(DOMAIN, payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asks the relay for the beacon a typed code points at, and returns the invite it and the code make.
     *
     * @throws BoxUnreachableException when the relay does not answer or has no beacon for the code
     * @throws InviteRefusedException when the beacon is not trustworthy
     */
    public static PairingInvite fetch(URI relay, ShortCode code, Clock clock) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(relay.getHost(), relay.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            RelayProtocol.send(socket.getOutputStream(), "LOOKUP " + code.lookupId());
            String answer = RelayProtocol.read(socket.getInputStream());
            if (!answer.startsWith("FOUND ")) {
                throw new IOException(answer.startsWith("ERROR ") ? answer.substring(6) : answer);
            }
            return open(answer.substring(6).strip(), code, clock);
        } catch (IOException e) {
            throw new BoxUnreachableException("cannot find that code at " + relay.getHost() + ":" + relay.getPort()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The invite the code and the beacon make together.
     *
     * @throws InviteRefusedException when the beacon is damaged, not signed by the box it names, or expired
     */
    public static PairingInvite open(String beacon, ShortCode code, Clock clock) {
        Envelope envelope;
        JsonNode payload;
        try {
            envelope = Envelope.parse(new String(Base64.getUrlDecoder().decode(beacon), StandardCharsets.UTF_8));
            payload = envelope.payload();
        } catch (RuntimeException e) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "the relay returned a damaged answer for that code; try again", e);
        }
        PairingInvite invite;
        try {
            List<URI> endpoints = new ArrayList<>();
            payload.path("endpoints").forEach(node -> endpoints.add(URI.create(node.asText())));
            invite = new PairingInvite(DidKey.parse(payload.path("box_did").asText()), payload.path("name").asText(),
                    endpoints, code.secret(), Instant.parse(payload.path("expires_at").asText()));
        } catch (RuntimeException e) {
            throw new InviteRefusedException(InviteRefusedException.Reason.MALFORMED,
                    "the relay's answer for that code is not a box's beacon", e);
        }
        try {
            if (!envelope.verify(DOMAIN).equals(invite.boxDid())) {
                throw new IllegalStateException("signed by another DID than the box it names");
            }
        } catch (RuntimeException e) {
            throw new InviteRefusedException(InviteRefusedException.Reason.WRONG_SIGNATURE,
                    "the answer for that code is not signed by the box it names, so it cannot be trusted", e);
        }
        if (!clock.instant().isBefore(invite.expiresAt())) {
            throw new InviteRefusedException(InviteRefusedException.Reason.EXPIRED,
                    "that code expired at " + invite.expiresAt() + "; make a fresh one on the box (frontdoor box invite)");
        }
        return invite;
    }
}
