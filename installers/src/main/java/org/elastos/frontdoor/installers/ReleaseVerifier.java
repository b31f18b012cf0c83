package org.elastos.frontdoor.installers;

import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Decides whether a downloaded file may be installed: the manifest is genuine, its signer is a trusted publisher
 * (when the person has said whom they trust), and the file's name, size and SHA-256 are in it.
 */
public final class ReleaseVerifier {
    private final Set<DidKey> trustedPublishers;

    /** @param trustedPublishers empty means "show me who signed it": the signer is reported, not checked */
    public ReleaseVerifier(Set<DidKey> trustedPublishers) {
        this.trustedPublishers = Set.copyOf(trustedPublishers);
    }

    /** What a verified download is: which release, whose signature, which file. */
    public record Verified(ReleaseManifest manifest, ReleaseArtifact artifact, boolean publisherTrusted) {
        public DidKey publisher() {
            return manifest.publisher();
        }
    }

    public boolean hasTrustedPublishers() {
        return !trustedPublishers.isEmpty();
    }

    public ReleaseManifest checkManifest(String envelopeJson) {
        ReleaseManifest manifest = ReleaseManifest.open(envelopeJson);
        if (!trustedPublishers.isEmpty() && !trustedPublishers.contains(manifest.publisher())) {
            throw new ReleaseRejectedException("This release is signed by " + manifest.publisher()
                    + ", who is not a publisher you trust. Do not install it.");
        }
        return manifest;
    }

    public Verified verify(String envelopeJson, Path file) throws IOException {
        ReleaseManifest manifest = checkManifest(envelopeJson);
        ReleaseArtifact actual = ReleaseArtifact.of(file);
        ReleaseArtifact expected = manifest.artifact(actual.name()).orElseThrow(() -> new ReleaseRejectedException(
                "The manifest for version " + manifest.version() + " does not list " + actual.name()
                        + ". Do not install it; download it again from the release page."));
        if (expected.size() != actual.size() || !expected.sha256().equals(actual.sha256())) {
            throw new ReleaseRejectedException(actual.name() + " does not match its signed manifest (SHA-256 "
                    + actual.sha256().substring(0, 16) + "... where the publisher signed " + expected.sha256().substring(0, 16)
                    + "...). It is damaged or was tampered with: do not install it.");
        }
        return new Verified(manifest, actual, !trustedPublishers.isEmpty());
    }
}
