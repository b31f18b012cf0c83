package org.elastos.frontdoor.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The boxes this identity has paired with, kept beside its vault in {@code paired-boxes.json}. A device token is
 * stored here in the clear on purpose: it works only over a link whose TLS handshake proves this device's DID, and
 * that key stays in the vault.
 */
public final class PairedBoxes {
    /**
     * A box this device paired with: where to reach it, the token it issued and the pass for its relay (empty while
     * approval is pending).
     */
    public record PairedBox(DidKey box, String name, List<URI> endpoints, Optional<String> token, String role,
                            Optional<String> relayPass) {
        public PairedBox {
            endpoints = List.copyOf(endpoints);
        }

        public PairedBox(DidKey box, String name, List<URI> endpoints, Optional<String> token, String role) {
            this(box, name, endpoints, token, role, Optional.empty());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public PairedBoxes(Path file) {
        this.file = file;
    }

    public synchronized List<PairedBox> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<PairedBox> boxes = new ArrayList<>();
            for (JsonNode node : JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("boxes")) {
                List<URI> endpoints = new ArrayList<>();
                node.path("endpoints").forEach(e -> endpoints.add(URI.create(e.asText())));
                boxes.add(new PairedBox(DidKey.parse(node.path("box_did").asText()), node.path("name").asText(), endpoints,
                        node.hasNonNull("token") ? Optional.of(node.path("token").asText()) : Optional.empty(),
                        node.path("role").asText("member"),
                        Optional.ofNullable(node.path("relay_pass").textValue())));
            }
            return boxes;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + " is damaged; pair the box again (the damaged file is left as it is)", e);
        }
    }

    /** The audit checkpoints this device keeps for its boxes, beside this file. */
    public AuditHeads auditHeads() {
        return new AuditHeads(file.resolveSibling("audit-heads"));
    }

    public Optional<PairedBox> first() {
        return all().stream().findFirst();
    }

    /** Adds the box, or replaces what was known about it. */
    public synchronized void save(PairedBox box) {
        List<PairedBox> boxes = new ArrayList<>(all());
        boxes.removeIf(known -> known.box().equals(box.box()));
        boxes.add(0, box);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("boxes");
        for (PairedBox known : boxes) {
            ObjectNode node = list.addObject().put("box_did", known.box().value()).put("name", known.name()).put("role", known.role());
            ArrayNode endpoints = node.putArray("endpoints");
            known.endpoints().forEach(e -> endpoints.add(e.toString()));
            known.token().ifPresent(token -> node.put("token", token));
            known.relayPass().ifPresent(pass -> node.put("relay_pass", pass));
        }
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
