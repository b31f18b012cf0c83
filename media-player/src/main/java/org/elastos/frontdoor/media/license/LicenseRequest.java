package org.elastos.frontdoor.media.license;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.envelope.CanonicalJson;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.web3j.crypto.Sign;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A buyer's request for a film's key: which film, on which chain and market, for which holder, to which playback
 * key, once (the nonce), and when. The holder signs it with EIP-191 {@code personal_sign} over
 * {@value #DOMAIN}, a line feed, then the payload's canonical JSON (RFC 8785): text a browser wallet shows and signs
 * as it is (ADR 0011).
 */
public record LicenseRequest(byte[] contentId, long chainId, EvmAddress market, EvmAddress holder, byte[] recipientKey,
                             String nonce, Instant issuedAt) {
    public static final String DOMAIN = "elastos.film.license-request.v1";
    /** A request is a few hundred bytes; a longer one is refused unread. */
    public static final int MAX_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern HEX_ID = Pattern.compile("0x[0-9a-f]{32}");
    private static final Set<String> FIELDS = Set.of("content_id", "chain_id", "market", "holder", "recipient_key", "nonce", "issued_at");

    public LicenseRequest {
        if (contentId.length != 16 || recipientKey.length != 32 || chainId <= 0 || !NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("a license request names a 16-byte content id, a chain, a 32-byte key and a nonce");
        }
        contentId = contentId.clone();
        recipientKey = recipientKey.clone();
    }

    @Override
    public byte[] contentId() {
        return contentId.clone();
    }

    @Override
    public byte[] recipientKey() {
        return recipientKey.clone();
    }

    public String contentIdHex() {
        return "0x" + HexFormat.of().formatHex(contentId);
    }

    public ObjectNode payload() {
        return JSON.createObjectNode().put("content_id", contentIdHex()).put("chain_id", chainId)
                .put("market", market.value()).put("holder", holder.value())
                .put("recipient_key", Base64.getUrlEncoder().withoutPadding().encodeToString(recipientKey))
                .put("nonce", nonce).put("issued_at", issuedAt.toString());
    }

    /** The bytes the holder signs. */
    public byte[] message() {
        byte[] canonical = CanonicalJson.of(payload());
        byte[] domain = (DOMAIN + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(domain, domain.length + canonical.length);
        System.arraycopy(canonical, 0, message, domain.length, canonical.length);
        return message;
    }

    /** Signed as the holder's EVM account; {@code signer} must be that account. */
    public Signed sign(Signer signer) {
        if (!signer.evmAddress().equals(holder)) {
            throw new IllegalArgumentException("a request for " + holder + " cannot be signed by " + signer.evmAddress());
        }
        return new Signed(this, signer.personalSign(message()).toBytes());
    }

    /** A request and the holder's 65-byte signature, as it travels: {@code {"payload": {...}, "signature": "0x..."}}. */
    public record Signed(LicenseRequest request, byte[] signature) {
        public Signed {
            if (signature.length != 65) {
                throw new IllegalArgumentException("an EVM signature has 65 bytes");
            }
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public byte[] toBytes() {
            ObjectNode root = JSON.createObjectNode();
            root.set("payload", request.payload());
            root.put("signature", "0x" + HexFormat.of().formatHex(signature));
            return root.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * The account whose key made the signature.
         *
         * @throws LicenseRefusal (BAD_SIGNATURE) when the signature recovers no account
         */
        public EvmAddress signer() throws LicenseRefusal {
            byte v = signature[64];
            Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64));
            try {
                BigInteger key = Sign.signedPrefixedMessageToKey(request.message(), data);
                return EvmAddress.fromPublicKey(key);
            } catch (SignatureException | RuntimeException e) {
                throw new LicenseRefusal(LicenseRefusal.Reason.BAD_SIGNATURE, "the signature recovers no account");
            }
        }

        /**
         * Reads a request as it arrives.
         *
         * @throws LicenseRefusal (MALFORMED) naming what is wrong
         */
        public static Signed parse(byte[] bytes) throws LicenseRefusal {
            if (bytes.length > MAX_BYTES) {
                throw malformed("it has " + bytes.length + " bytes; a request has at most " + MAX_BYTES);
            }
            JsonNode root;
            try {
                root = JSON.readTree(bytes);
            } catch (IOException e) {
                throw malformed("it is not JSON");
            }
            if (root == null || !root.isObject() || root.size() != 2 || !root.path("payload").isObject()
                    || !root.path("signature").isTextual()) {
                throw malformed("it is not {\"payload\": {...}, \"signature\": \"0x...\"}");
            }
            JsonNode payload = root.path("payload");
            for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw malformed("it has an unexpected field \"" + name + "\"");
                }
            }
            String signature = root.path("signature").asText();
            if (!signature.matches("0x[0-9a-fA-F]{130}")) {
                throw malformed("its signature is not 65 bytes of hex");
            }
            try {
                String contentId = text(payload, "content_id");
                if (!HEX_ID.matcher(contentId).matches()) {
                    throw malformed("its content_id is not 0x and 32 lower-case hex digits");
                }
                JsonNode chain = payload.path("chain_id");
                if (!chain.canConvertToLong() || !chain.isIntegralNumber()) {
                    throw malformed("its chain_id is not a number");
                }
                byte[] key = Base64.getUrlDecoder().decode(text(payload, "recipient_key"));
                return new Signed(new LicenseRequest(HexFormat.of().parseHex(contentId.substring(2)), chain.asLong(),
                        new EvmAddress(text(payload, "market")), new EvmAddress(text(payload, "holder")), key,
                        text(payload, "nonce"), Instant.parse(text(payload, "issued_at"))),
                        HexFormat.of().parseHex(signature.substring(2)));
            } catch (WalletException | IllegalArgumentException | DateTimeParseException e) {
                throw malformed(e.getMessage());
            }
        }

        private static String text(JsonNode payload, String field) throws LicenseRefusal {
            JsonNode node = payload.get(field);
            if (node == null || !node.isTextual()) {
                throw malformed("its " + field + " is missing");
            }
            return node.asText();
        }

        private static LicenseRefusal malformed(String why) {
            return new LicenseRefusal(LicenseRefusal.Reason.MALFORMED, "this is not a license request: " + why);
        }
    }

}
