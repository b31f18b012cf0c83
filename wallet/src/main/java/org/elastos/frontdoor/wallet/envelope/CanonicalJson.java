package org.elastos.frontdoor.wallet.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, no white space, ECMAScript number and string forms. Two parties that
 * agree on a JSON value agree on these bytes, so a signature over them survives re-formatting.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static byte[] of(JsonNode value) {
        try {
            return of(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("this value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static byte[] of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("this JSON has no canonical form: " + e.getMessage(), e);
        }
    }
}
