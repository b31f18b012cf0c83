package org.elastos.frontdoor.installers;

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

/**
 * Asks a release channel whether there is a newer version. An update is offered only once its manifest is signed
 * by a trusted publisher and the downloaded installer matches it; anything less is a refusal with the reason,
 * never a quiet "no update".
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

    /** @param verifier must trust at least one publisher: an update from "whoever signed it" is never offered */
    public UpdateCheck(HttpClient http, ReleaseVerifier verifier, String currentVersion, Path downloads) {
        if (!verifier.hasTrustedPublishers()) {
            throw new IllegalArgumentException("an update check needs at least one trusted publisher");
        }
        this.http = http;
        this.verifier = verifier;
        this.current = ReleaseVersion.parse(currentVersion);
        this.downloads = downloads;
    }

    /**
     * @param manifestUri the channel's signed manifest; the installer is fetched from beside it
     * @param installerName which of the manifest's files fits this platform
     */
    public Result check(URI manifestUri, String installerName) {
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
        if (ReleaseVersion.parse(manifest.version()).compareTo(current) <= 0) {
            return new UpToDate(manifest.version());
        }
        if (manifest.artifact(installerName).isEmpty()) {
            return new Refused("Version " + manifest.version() + " has no " + installerName + " for this platform yet.");
        }
        Path target = downloads.resolve(installerName);
        try {
            Files.createDirectories(downloads);
            Path partial = Files.createTempFile(downloads, installerName, ".part");
            try {
                download(manifestUri.resolve(installerName), partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            verifier.verify(manifestJson, target);
            return new Available(manifest, target);
        } catch (IOException e) {
            return new Refused("Version " + manifest.version() + " could not be downloaded: " + e.getMessage());
        } catch (WalletException e) {
            try {
                Files.deleteIfExists(target);
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
