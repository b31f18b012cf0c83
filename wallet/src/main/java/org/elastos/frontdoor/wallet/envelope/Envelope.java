package org.elastos.frontdoor.wallet.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.util.encoders.Hex;
import org.elastos.frontdoor.wallet.Sha256;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A signed envelope: {@code {"payload": {...}, "signature": hex, "signer_did": "did:key:...", "domain": "..."}}. The
 * signature is Ed25519 over {@code SHA-256(domain || 0x00 || JCS(payload))}. The {@code domain} field only names
 * what the signer claims; it is never trusted on its own: {@link #verify(String)} checks against the domain the
 * caller expects, and the signature covers it (see docs/decisions/0002-envelopes-state-their-domain.md). Envelopes
 * from elsewhere without the field are read too.
 */
public final class Envelope {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** No envelope of ours comes near this; a longer one is refused before it is read. */
    public static final int MAX_BYTES = 1 << 20;
    private static final Pattern SIGNATURE_HEX = Pattern.compile("[0-9a-f]{128}");
    private static final Set<String> FIELDS = Set.of("payload", "signature", "signer_did", "domain");

    private final ObjectNode payload;
    private final String signature;
    private final DidKey signerDid;
    private final Optional<String> domain;

    Envelope(ObjectNode payload, String signature, DidKey signerDid, Optional<String> domain) {
        this.payload = payload.deepCopy();
        this.signature = signature;
        this.signerDid = signerDid;
        this.domain = domain;
    }

    /** The bytes an envelope signature covers. */
    public static byte[] signingDigest(String domain, JsonNode payload) {
        byte[] domainBytes = EnvelopeDomains.require(domain).getBytes(StandardCharsets.US_ASCII);
        return Sha256.of(domainBytes, new byte[] {0}, CanonicalJson.of(payload));
    }

    /** Assembles an envelope from a signature made elsewhere (the wallet's signer) for {@code domain}. */
    public static Envelope of(String domain, ObjectNode payload, byte[] signature, DidKey signerDid) {
        return new Envelope(payload, Hex.toHexString(signature), signerDid, Optional.of(EnvelopeDomains.require(domain)));
    }

    /**
     * Reads an envelope from a file, refusing one over {@link #MAX_BYTES} before reading it.
     *
     * @throws EnvelopeRejectedException when it is too long or not an envelope
     */
    public static Envelope read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new EnvelopeRejectedException("this is not a signed envelope: " + file.getFileName() + " has " + size
                    + " bytes, and no envelope has more than " + MAX_BYTES);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Reads an envelope's structure: one JSON object and nothing after it. This checks shape only; {@link #verify}
     * checks the signature.
     */
    public static Envelope parse(String json) {
        if (json.length() > MAX_BYTES) {
            throw new EnvelopeRejectedException("this is not a signed envelope: it is over " + MAX_BYTES + " characters long");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EnvelopeRejectedException("this is not a signed envelope: the JSON is malformed ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new EnvelopeRejectedException("this is not a signed envelope: expected a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new EnvelopeRejectedException("this envelope has an unexpected field \"" + name + "\"");
            }
        }
        JsonNode payload = root.get("payload");
        JsonNode signature = root.get("signature");
        JsonNode signer = root.get("signer_did");
        if (payload == null || !payload.isObject()) {
            throw new EnvelopeRejectedException("this envelope has no payload object");
        }
        if (signature == null || !signature.isTextual() || !SIGNATURE_HEX.matcher(signature.asText()).matches()) {
            throw new EnvelopeRejectedException("this envelope's signature is not 64 bytes of lower-case hex");
        }
        if (signer == null || !signer.isTextual()) {
            throw new EnvelopeRejectedException("this envelope does not name its signer (signer_did)");
        }
        JsonNode stated = root.get("domain");
        if (stated != null && (!stated.isTextual() || !EnvelopeDomains.isWellFormed(stated.asText()))) {
            throw new EnvelopeRejectedException("this envelope's domain is not a valid signing domain");
        }
        DidKey did;
        try {
            did = DidKey.parse(signer.asText());
        } catch (WalletException e) {
            throw new EnvelopeRejectedException("this envelope's signer is not a valid did:key: " + e.getMessage(), e);
        }
        return new Envelope((ObjectNode) payload, signature.asText(), did, Optional.ofNullable(stated).map(JsonNode::asText));
    }

    /**
     * Checks the signature for the expected domain and returns the signer. The caller still decides whether that
     * signer is one it trusts.
     */
    public DidKey verify(String expectedDomain) {
        if (domain.isPresent() && !domain.get().equals(expectedDomain)) {
            throw new EnvelopeRejectedException("this envelope was signed for " + domain.get() + ", not for "
                    + expectedDomain + "; it cannot be used here");
        }
        byte[] digest = signingDigest(expectedDomain, payload);
        if (!signerDid.verifies(digest, Hex.decode(signature))) {
            throw new EnvelopeRejectedException("the signature does not match: this envelope was altered after "
                    + signerDid.fingerprint() + " signed it, or it was not signed for " + expectedDomain);
        }
        return signerDid;
    }

    /** The domain the envelope says it was signed for, if it says; trust it only through {@link #verify}. */
    public Optional<String> statedDomain() {
        return domain;
    }

    public ObjectNode payload() {
        return payload.deepCopy();
    }

    public DidKey signerDid() {
        return signerDid;
    }

    public String signatureHex() {
        return signature;
    }

    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("payload", payload.deepCopy());
        root.put("signature", signature);
        root.put("signer_did", signerDid.value());
        domain.ifPresent(name -> root.put("domain", name));
        return root;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that && payload.equals(that.payload) && signature.equals(that.signature)
                && signerDid.equals(that.signerDid) && domain.equals(that.domain);
    }

    @Override
    public int hashCode() {
        return signature.hashCode();
    }

    @Override
    public String toString() {
        return "Envelope[signer=" + signerDid + ", signature=" + signature.substring(0, 16) + "...]";
    }

    public String toJsonString() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope is always writable JSON", e);
        }
    }
}
