package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The capsules installed on this device, {@code NAME.capsule} files in one folder, and what each has been granted
 * ({@code grants.json}, written atomically). Installing checks the capsule's signature and module first; every
 * grant and revocation goes to the audit log.
 */
public final class InstalledCapsules {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One installed capsule and its grants. */
    public record Installed(CapsuleManifest manifest, List<Grant> grants) {
    }

    private final Path dir;
    private final AuditLog audit;

    public InstalledCapsules(Path dir, AuditLog audit) {
        this.dir = dir;
        this.audit = audit;
    }

    public synchronized CapsuleManifest install(CapsuleBundle bundle, List<Grant> grants) {
        CapsuleManifest manifest = CapsuleHost.verify(bundle);
        try {
            AtomicFile.write(dir.resolve(manifest.name() + ".capsule"), bundle.toZip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + manifest.name() + " in " + dir, e);
        }
        Map<String, List<Grant>> all = readGrants();
        List<Grant> allowed = grants.stream().filter(manifest.requested()::contains).toList();
        all.put(manifest.name(), allowed);
        writeGrants(all);
        audit.record(manifest.name(), "install", manifest.version() + " from " + manifest.publisher());
        allowed.forEach(grant -> audit.record(manifest.name(), "grant", grant.toString()));
        return manifest;
    }

    public synchronized List<Installed> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, List<Grant>> grants = readGrants();
        List<Installed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".capsule")).sorted().toList()) {
                CapsuleManifest manifest = CapsuleHost.verify(CapsuleBundle.read(Files.readAllBytes(file)));
                out.add(new Installed(manifest, grants.getOrDefault(manifest.name(), List.of())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the capsules in " + dir, e);
        }
        return out;
    }

    /** The installed capsule's file, read and checked again (it may have been touched since it was installed). */
    public synchronized CapsuleBundle bundle(String capsule) {
        try {
            CapsuleBundle bundle = CapsuleBundle.read(Files.readAllBytes(dir.resolve(capsule + ".capsule")));
            CapsuleHost.verify(bundle);
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the capsule " + capsule + " in " + dir, e);
        }
    }

    /** A grant the person gave when asked; only capabilities the capsule's manifest requests can be granted. */
    public synchronized void grant(String capsule, Grant grant) {
        CapsuleManifest manifest = CapsuleHost.verify(bundle(capsule));
        if (!manifest.requested().contains(grant)) {
            throw new IllegalArgumentException(capsule + " did not ask for " + grant);
        }
        Map<String, List<Grant>> all = readGrants();
        List<Grant> grants = new ArrayList<>(all.getOrDefault(capsule, List.of()));
        if (!grants.contains(grant)) {
            grants.add(grant);
            all.put(capsule, grants);
            writeGrants(all);
            audit.record(capsule, "grant", grant + " (asked and allowed)");
        }
    }

    public synchronized void revoke(String capsule, Grant grant) {
        Map<String, List<Grant>> all = readGrants();
        List<Grant> remaining = new ArrayList<>(all.getOrDefault(capsule, List.of()));
        if (remaining.remove(grant)) {
            all.put(capsule, remaining);
            writeGrants(all);
            audit.record(capsule, "revoke", grant.toString());
        }
    }

    private Map<String, List<Grant>> readGrants() {
        Path file = dir.resolve("grants.json");
        Map<String, List<Grant>> all = new TreeMap<>();
        if (!Files.exists(file)) {
            return all;
        }
        try {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> capsule = it.next();
                List<Grant> grants = new ArrayList<>();
                for (JsonNode grant : capsule.getValue()) {
                    Map<String, String> args = new LinkedHashMap<>();
                    grant.path("args").fields().forEachRemaining(arg -> args.put(arg.getKey(), arg.getValue().asText()));
                    grants.add(new Grant(grant.path("name").asText(), args));
                }
                all.put(capsule.getKey(), grants);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the capsule grants in " + file, e);
        }
    }

    private void writeGrants(Map<String, List<Grant>> all) {
        ObjectNode root = MAPPER.createObjectNode();
        all.forEach((capsule, grants) -> {
            ArrayNode list = root.putArray(capsule);
            for (Grant grant : grants) {
                ObjectNode entry = list.addObject().put("name", grant.capability());
                if (!grant.args().isEmpty()) {
                    ObjectNode args = entry.putObject("args");
                    new TreeMap<>(grant.args()).forEach(args::put);
                }
            }
        });
        try {
            AtomicFile.write(dir.resolve("grants.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the capsule grants in " + dir, e);
        }
    }
}
