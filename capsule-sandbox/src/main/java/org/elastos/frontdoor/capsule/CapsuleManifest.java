package org.elastos.frontdoor.capsule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a publisher signs about a capsule (domain {@code elastos.capsule.v1}): its name and version, the publisher,
 * the SHA-256 of its module, the capabilities it asks for with their arguments, and its limits.
 */
public record CapsuleManifest(String name, String version, DidKey publisher, String wasmSha256,
                              List<Grant> requested, CapsuleLimits limits) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public CapsuleManifest {
        requested = List.copyOf(requested);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a capsule name is lower-case letters, digits and dashes, got \"" + name + "\"");
        }
        if (!SHA256.matcher(wasmSha256).matches()) {
            throw new IllegalArgumentException("wasm_sha256 must be 64 lower-case hex digits");
        }
    }

    public ObjectNode toPayload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("type", "capsule-manifest");
        payload.put("name", name);
        payload.put("version", version);
        payload.put("publisher_did", publisher.value());
        payload.put("wasm_sha256", wasmSha256);
        var capabilities = payload.putArray("capabilities");
        for (Grant grant : requested) {
            ObjectNode entry = capabilities.addObject().put("name", grant.capability());
            if (!grant.args().isEmpty()) {
                ObjectNode args = entry.putObject("args");
                grant.args().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> args.put(e.getKey(), e.getValue()));
            }
        }
        payload.putObject("limits").put("memory_pages", limits.memoryPages()).put("call_millis", limits.callTime().toMillis());
        return payload;
    }

    /** @throws IllegalArgumentException naming the first field that is missing or malformed */
    public static CapsuleManifest fromPayload(JsonNode payload) {
        if (!"capsule-manifest".equals(payload.path("type").asText())) {
            throw new IllegalArgumentException("it is not a capsule manifest");
        }
        List<Grant> requested = new ArrayList<>();
        for (JsonNode entry : payload.path("capabilities")) {
            Map<String, String> args = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("args").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> arg = it.next();
                args.put(arg.getKey(), arg.getValue().asText());
            }
            requested.add(new Grant(text(entry, "name"), args));
        }
        JsonNode limits = payload.path("limits");
        return new CapsuleManifest(text(payload, "name"), text(payload, "version"), DidKey.parse(text(payload, "publisher_did")),
                text(payload, "wasm_sha256"), requested,
                new CapsuleLimits(limits.path("memory_pages").asInt(0), Duration.ofMillis(limits.path("call_millis").asLong(0))));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }
}
