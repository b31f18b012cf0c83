package org.elastos.frontdoor.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.installers.platform.InstallerKind;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a publisher signs for a release: its version, the platform and architecture its files are for, and the
 * SHA-256 of every file, as an envelope for {@value EnvelopeDomains#RELEASE}. A download is installed only if the
 * manifest is genuine, from a publisher the person trusts, and the file's hash is in it; the updater also needs the
 * manifest's target to be the machine it runs on.
 *
 * @param target empty for files of no particular platform: they can be verified, never offered as an update
 */
public record ReleaseManifest(String product, String version, Optional<ReleaseTarget> target, Instant createdAt,
                              List<ReleaseArtifact> artifacts, DidKey publisher) {
    public static final String PRODUCT = "elastos-frontdoor";

    public ReleaseManifest {
        artifacts = List.copyOf(artifacts);
        Set<String> names = new HashSet<>();
        for (ReleaseArtifact artifact : artifacts) {
            if (!names.add(artifact.name())) {
                throw new IllegalArgumentException("the file " + artifact.name() + " is listed twice");
            }
            target.ifPresent(t -> requireBuiltFor(t, artifact.name()));
        }
    }

    /** Hashes the files and signs a manifest that names no target. */
    public static Envelope sign(DidSigner publisher, String version, List<Path> files, Instant now) throws IOException {
        return signFor(publisher, version, Optional.empty(), files, now);
    }

    /**
     * Hashes the files and signs the manifest for one target; a file of another platform's kind (a .msi in a macOS
     * manifest) is refused before anything is signed.
     */
    public static Envelope sign(DidSigner publisher, String version, ReleaseTarget target, List<Path> files, Instant now) throws IOException {
        return signFor(publisher, version, Optional.of(target), files, now);
    }

    private static Envelope signFor(DidSigner publisher, String version, Optional<ReleaseTarget> target, List<Path> files, Instant now)
            throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a release manifest lists at least one file");
        }
        for (Path file : files) {
            target.ifPresent(t -> requireBuiltFor(t, file.getFileName().toString()));
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("type", "release-manifest");
        payload.put("product", PRODUCT);
        payload.put("version", version);
        target.ifPresent(t -> payload.put("platform", t.platform().id()).put("arch", t.arch().id()));
        payload.put("created_at", now.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode list = payload.putArray("artifacts");
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            ReleaseArtifact artifact = ReleaseArtifact.of(file);
            if (!names.add(artifact.name())) {
                throw new IllegalArgumentException("two files are named " + artifact.name());
            }
            list.addObject().put("name", artifact.name()).put("size", artifact.size()).put("sha256", artifact.sha256());
        }
        return publisher.signEnvelope(EnvelopeDomains.RELEASE, payload);
    }

    /**
     * Checks the signature and reads the manifest. The signer is returned in {@link #publisher()}; whether to trust
     * it is {@link ReleaseVerifier}'s question.
     */
    public static ReleaseManifest open(String envelopeJson) {
        Envelope envelope;
        DidKey signer;
        try {
            envelope = Envelope.parse(envelopeJson);
            signer = envelope.verify(EnvelopeDomains.RELEASE);
        } catch (WalletException e) {
            throw new ReleaseRejectedException("This release manifest is not genuine: " + e.getMessage(), e);
        }
        JsonNode payload = envelope.payload();
        try {
            if (!"release-manifest".equals(payload.path("type").asText()) || !PRODUCT.equals(payload.path("product").asText())) {
                throw new IllegalArgumentException("it is not a release manifest for " + PRODUCT);
            }
            List<ReleaseArtifact> artifacts = new ArrayList<>();
            for (JsonNode node : payload.path("artifacts")) {
                artifacts.add(new ReleaseArtifact(node.path("name").asText(), node.path("size").asLong(-1), node.path("sha256").asText()));
            }
            if (artifacts.isEmpty()) {
                throw new IllegalArgumentException("it lists no files");
            }
            Optional<ReleaseTarget> target = payload.has("platform") || payload.has("arch")
                    ? Optional.of(ReleaseTarget.parse(requireText(payload, "platform") + "-" + requireText(payload, "arch")))
                    : Optional.empty();
            return new ReleaseManifest(PRODUCT, requireText(payload, "version"), target, Instant.parse(requireText(payload, "created_at")),
                    artifacts, signer);
        } catch (RuntimeException e) {
            throw new ReleaseRejectedException("This release manifest is signed but malformed: " + e.getMessage(), e);
        }
    }

    public Optional<ReleaseArtifact> artifact(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    private Map<String, ReleaseArtifact> byName() {
        return artifacts.stream().collect(Collectors.toMap(ReleaseArtifact::name, Function.identity()));
    }

    private static void requireBuiltFor(ReleaseTarget target, String fileName) {
        InstallerKind kind = InstallerKind.ofFileName(fileName).orElseThrow(() -> new IllegalArgumentException(
                fileName + " is not an installer a release builds (.dmg, .pkg, .msi, .deb, .apk, .aab, .ipa)"));
        if (kind.platform() != target.platform()) {
            throw new IllegalArgumentException(fileName + " is a " + kind.platform().displayName() + " file; a manifest for "
                    + target + " lists only " + target.platform().displayName() + " files");
        }
    }

    private static String requireText(JsonNode payload, String field) {
        String value = payload.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("its \"" + field + "\" is missing");
        }
        return value;
    }
}
