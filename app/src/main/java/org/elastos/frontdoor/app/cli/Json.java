package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.Identity;

/** The CLI's JSON output: one object per command, stable field names in snake_case. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** For what a person hands the CLI: one JSON document and nothing after it. */
    static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode identity(Identity identity) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("did", identity.did().value());
        out.put("evm_address", identity.evmAddress().value());
        out.put("elastos_did", identity.elastosDid().value());
        out.put("device_did", identity.deviceDid().value());
        return out;
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }
}
