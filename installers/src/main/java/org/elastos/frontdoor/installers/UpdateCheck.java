package org.elastos.frontdoor.installers;

import org.elastos.frontdoor.installers.platform.InstallerKind;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.wallet.WalletException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks a release channel whether there is a newer version for this machine. The channel is the folder that holds
 * each target's manifest ({@code release-manifest-macos-arm64.json}) beside its files. An update is offered only
 * once the manifest is signed by a trusted publisher, names this machine's platform and architecture, and the
 * downloaded installer matches it; anything less is a refusal with the reason, never a quiet "no update".
 */
public final class UpdateCheck {
    /** The outcome of one check. */
    public sealed interface Result {
    }

    public record UpToDate(String version) implements Result {
    }

    /** A newer release whose installer is downloaded and verified, ready to hand to the installer. */
    public record Available(ReleaseManifest manifest, Path verifiedInstaller) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    private final HttpClient http;
    private final ReleaseVerifier verifier;
    private final ReleaseVersion current;
    private final Path downloads;
    private final Optional<ReleaseTarget> target;

    /** An update check for the machine this runs on. */
    public UpdateCheck(HttpClient http, ReleaseVerifier verifier, String currentVersion, Path downloads) {
        this(http, verifier, currentVersion, downloads, ReleaseTarget.ofThisMachine());
    }

    /**
     * @param verifier must trust at least one publisher: an update from "whoever signed it" is never offered
     * @param target the machine the update is for; empty when no release is built for it
     */
    public UpdateCheck(HttpClient http, ReleaseVerifier verifier, String currentVersion, Path downloads, Optional<ReleaseTarget> target) {
        if (!verifier.hasTrustedPublishers()) {
            throw new IllegalArgumentException("an update check needs at least one trusted publisher");
        }
        this.http = http;
        this.verifier = verifier;
        this.current = ReleaseVersion.parse(currentVersion);
        this.downloads = downloads;
        this.target = target;
    }

    /** @param channel the folder of the channel's manifests; this machine's manifest and installer are read from it */
    public Result check(URI channel) {
        if (target.isEmpty()) {
            return new Refused("No release is built for this machine (" + System.getProperty("os.name") + ", "
                    + System.getProperty("os.arch") + "), so there is nothing to update to.");
        }
        ReleaseTarget machine = target.get();
        URI manifestUri = channel.resolve(ReleasePlan.manifestName(machine));
        String manifestJson;
        try {
            manifestJson = fetch(manifestUri);
        } catch (IOException e) {
            return new Refused("The update channel " + manifestUri + " cannot be reached (" + e.getMessage()
                    + "). Check your connection and try again.");
        }
        ReleaseManifest manifest;
        try {
            manifest = verifier.checkManifest(manifestJson);
        } catch (WalletException e) {
            return new Refused(e.getMessage());
        }
        if (!manifest.target().equals(Optional.of(machine))) {
            return new Refused("The manifest at " + manifestUri + " is signed for " + manifest.target().map(ReleaseTarget::id)
                    .orElse("no particular platform") + ", not for this machine (" + machine.id() + "). Only a file built for "
                    + machine.id() + " is installed; tell the publisher their channel is mixed up.");
        }
        if (ReleaseVersion.parse(manifest.version()).compareTo(current) <= 0) {
            return new UpToDate(manifest.version());
        }
        Optional<InstallerKind> kind = InstallerKind.updaterInstalls(machine.platform());
        List<ReleaseArtifact> installers = manifest.artifacts().stream()
                .filter(a -> kind.isPresent() && InstallerKind.ofFileName(a.name()).equals(kind)).toList();
        if (installers.size() != 1) {
            return new Refused("Version " + manifest.version() + " has " + (installers.isEmpty() ? "no" : "more than one")
                    + " installer the app can update itself with on " + machine.platform().displayName()
                    + (kind.isPresent() ? "" : " (apps there are updated by the store)") + ".");
        }
        String installerName = installers.get(0).name();
        Path file = downloads.resolve(installerName);
        try {
            Files.createDirectories(downloads);
            Path partial = Files.createTempFile(downloads, installerName, ".part");
            try {
                download(manifestUri.resolve(installerName), partial);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            verifier.verify(manifestJson, file);
            return new Available(manifest, file);
        } catch (IOException e) {
            return new Refused("Version " + manifest.version() + " could not be downloaded: " + e.getMessage());
        } catch (WalletException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // The refusal below is what matters; a leftover file is named in it.
            }
            return new Refused(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refused("The update check was stopped.");
        }
    }

    private String fetch(URI uri) throws IOException {
        try {
            HttpResponse<String> response = http.send(request(uri), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            requireOk(uri, response.statusCode());
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void download(URI uri, Path into) throws IOException, InterruptedException {
        HttpResponse<Path> response = http.send(request(uri), HttpResponse.BodyHandlers.ofFile(into));
        requireOk(uri, response.statusCode());
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static void requireOk(URI uri, int status) throws IOException {
        if (status != 200) {
            throw new IOException(uri + " answered HTTP " + status);
        }
    }
}
