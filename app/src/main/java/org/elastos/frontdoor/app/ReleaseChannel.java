package org.elastos.frontdoor.app;

import org.elastos.frontdoor.installers.ReleaseVerifier;
import org.elastos.frontdoor.installers.UpdateCheck;
import org.elastos.frontdoor.views.release.UpdateViewModel;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** The release channel a build was made with (release-channel.properties), if any. */
final class ReleaseChannel {
    private ReleaseChannel() {
    }

    static Optional<UpdateViewModel.Channel> ofThisBuild(Path downloads) {
        Properties properties = new Properties();
        try (InputStream in = ReleaseChannel.class.getResourceAsStream("release-channel.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The channel is the folder of the release's manifests; the update check picks this machine's.
        String manifest = properties.getProperty("manifest", "").trim();
        String publisher = properties.getProperty("publisher", "").trim();
        if (manifest.isEmpty() || manifest.startsWith("${") || publisher.isEmpty() || publisher.startsWith("${")) {
            return Optional.empty();
        }
        ReleaseVerifier verifier = new ReleaseVerifier(Set.of(DidKey.parse(publisher)));
        return Optional.of(new UpdateViewModel.Channel(URI.create(manifest),
                () -> new UpdateCheck(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build(),
                        verifier, AppVersion.current(), downloads)));
    }
}
