package org.elastos.frontdoor.installers.page;

import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.ReleaseRejectedException;
import org.elastos.frontdoor.installers.ReleaseVerifier;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every target's signed manifest of one release, checked together: each is genuine (and from the trusted publisher,
 * when one is named), all are signed by one publisher for one version, each names a target, and no target or file
 * appears twice. A release page is made only from such a set.
 */
public record ReleaseSet(String version, DidKey publisher, List<ReleaseManifest> manifests) {
    public ReleaseSet {
        manifests = List.copyOf(manifests);
    }

    /** @param manifestJsons each target's manifest, in any order; they are listed in {@link ReleaseTarget#ALL}'s order */
    public static ReleaseSet of(List<String> manifestJsons, Set<DidKey> trustedPublishers) {
        if (manifestJsons.isEmpty()) {
            throw new ReleaseRejectedException("A release page needs at least one signed manifest.");
        }
        ReleaseVerifier verifier = new ReleaseVerifier(trustedPublishers);
        Map<ReleaseTarget, ReleaseManifest> byTarget = new HashMap<>();
        Map<String, ReleaseTarget> fileTargets = new HashMap<>();
        ReleaseManifest first = null;
        for (String json : manifestJsons) {
            ReleaseManifest manifest = verifier.checkManifest(json);
            ReleaseTarget target = manifest.target().orElseThrow(() -> new ReleaseRejectedException("A manifest of version "
                    + manifest.version() + " names no platform: sign it again with release sign --target."));
            if (first == null) {
                first = manifest;
            } else if (!first.publisher().equals(manifest.publisher())) {
                throw new ReleaseRejectedException("The manifest for " + target + " is signed by " + manifest.publisher()
                        + ", the one for " + first.target().orElseThrow() + " by " + first.publisher()
                        + ": one release has one publisher. Do not publish this page.");
            } else if (!first.version().equals(manifest.version())) {
                throw new ReleaseRejectedException("The manifest for " + target + " is of version " + manifest.version()
                        + ", the one for " + first.target().orElseThrow() + " of " + first.version()
                        + ": a page shows one release. Collect the manifests of one tag.");
            }
            if (byTarget.put(target, manifest) != null) {
                throw new ReleaseRejectedException("Two manifests are for " + target + ": give the page one for each target.");
            }
            manifest.artifacts().forEach(artifact -> {
                if (fileTargets.put(artifact.name(), target) != null) {
                    throw new ReleaseRejectedException(artifact.name() + " is listed by two manifests.");
                }
            });
        }
        List<ReleaseManifest> ordered = byTarget.keySet().stream().sorted(Comparator.comparingInt(ReleaseTarget.ALL::indexOf))
                .map(byTarget::get).toList();
        return new ReleaseSet(first.version(), first.publisher(), ordered);
    }
}
