package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.installers.page.DownloadPage;
import org.elastos.frontdoor.installers.page.ReleaseSet;
import org.elastos.frontdoor.wallet.did.DidKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "page", description = {"Write the release's download page as DIR/index.html, with every MANIFEST beside it.",
        "Every manifest must be genuine, name its target, and share one publisher and one version."})
final class ReleasePageCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--publisher", paramLabel = "DID", description = "refuse manifests signed by anyone else (repeatable)")
    List<String> publishers = List.of();

    @Option(names = "--files-url", paramLabel = "URL", description = "where the files are, ending in /; default: beside the page")
    String filesUrl;

    @Parameters(paramLabel = "MANIFEST", arity = "1..*")
    List<Path> manifests;

    @Override
    public Integer call() throws IOException {
        List<String> jsons = new ArrayList<>();
        for (Path manifest : manifests) {
            jsons.add(Files.readString(manifest));
        }
        Set<DidKey> trusted = publishers.stream().map(DidKey::parse).collect(Collectors.toSet());
        ReleaseSet release = ReleaseSet.of(jsons, trusted);
        new DownloadPage(release, Optional.ofNullable(filesUrl)).writeTo(out, jsons);
        System.err.println("wrote " + out.resolve("index.html") + ": version " + release.version() + ", " + release.manifests().size()
                + " target(s), signed by " + release.publisher());
        System.out.println(out.resolve("index.html"));
        return 0;
    }
}
