package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.app.AppVersion;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.ReleaseVerifier;
import org.elastos.frontdoor.installers.platform.ProjectVersion;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.installers.platform.VersionScheme;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.AtomicFile;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "release", description = "Plan a release, sign its manifests, verify downloads, write its download page.",
        subcommands = {ReleaseCommand.Plan.class, ReleaseCommand.Sign.class, ReleaseCommand.Verify.class, ReleasePageCommand.class})
final class ReleaseCommand {

    @Command(name = "plan", description = {"Print, as KEY=value lines for a workflow's $GITHUB_ENV, the versions a TARGET's",
            "packagers take and the names of its files and manifest. Exits 1 if any platform refuses the version."})
    static final class Plan implements Callable<Integer> {
        @Option(names = "--target", required = true, paramLabel = "TARGET", description = "macos-arm64, macos-x64, windows-x64, linux-x64, android-arm64 or ios-arm64")
        String target;

        @Option(names = "--release-version", paramLabel = "V", description = "the version released (default: this app's)")
        String version;

        @Option(names = "--tag", paramLabel = "TAG", description = "the tag that started the release (empty: none); it must be v and the version")
        String tag = "";

        @Override
        public Integer call() {
            ProjectVersion project = ProjectVersion.parse(version != null ? version : AppVersion.current());
            if (!tag.isBlank()) {
                VersionScheme.requireRelease(project, tag.trim());
            }
            // "\n", not println: on Windows a "\r" would end up inside every value written to $GITHUB_ENV.
            StringBuilder lines = new StringBuilder();
            ReleasePlan.of(project, ReleaseTarget.parse(target)).environment().forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
            System.out.print(lines);
            System.out.flush();
            return 0;
        }
    }

    @Command(name = "sign", description = {"Write a signed manifest with the SHA-256 of every FILE.",
            "The vault password is read from standard input when it is not a terminal."})
    static final class Sign implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "the publisher's vault")
        Path vault;

        @Option(names = "--out", required = true, paramLabel = "MANIFEST")
        Path out;

        @Option(names = "--release-version", paramLabel = "V", description = "the version released (default: this app's)")
        String version;

        @Option(names = "--target", paramLabel = "TARGET", description = "the platform and architecture the files are for (macos-arm64, ...)")
        String target;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new CliException("no such file: " + file);
                }
            }
            try (Wallet wallet = Wallet.open(Vault.at(vault))) {
                Signer signer = Terminal.system().unlock(wallet);
                String released = version != null ? version : AppVersion.current();
                String json = (target == null ? ReleaseManifest.sign(signer, released, files, Instant.now())
                        : ReleaseManifest.sign(signer, released, ReleaseTarget.parse(target), files, Instant.now())).toJsonString();
                AtomicFile.write(out, (json + "\n").getBytes(StandardCharsets.UTF_8));
                System.err.println("signed " + files.size() + " file(s) as " + signer.did() + " into " + out);
            }
            return 0;
        }
    }

    @Command(name = "verify", description = {"Check every FILE against the signed MANIFEST: prints the publisher DID",
            "and exits 0, or exits 1 with the reason. With --publisher, any other signer is refused."})
    static final class Verify implements Callable<Integer> {
        @Option(names = "--publisher", paramLabel = "DID", description = "a publisher you trust (repeatable)")
        List<String> publishers = List.of();

        @Option(names = "--target", paramLabel = "TARGET", description = "refuse a manifest signed for any other platform and architecture")
        String target;

        @Parameters(index = "0", paramLabel = "MANIFEST")
        Path manifest;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            Set<DidKey> trusted = publishers.stream().map(DidKey::parse).collect(Collectors.toSet());
            ReleaseVerifier verifier = new ReleaseVerifier(trusted);
            String json = Files.readString(manifest);
            if (target != null) {
                ReleaseTarget expected = ReleaseTarget.parse(target);
                Optional<ReleaseTarget> signedFor = verifier.checkManifest(json).target();
                if (!signedFor.equals(Optional.of(expected))) {
                    throw new CliException(manifest + " is signed for " + signedFor.map(ReleaseTarget::id).orElse("no particular platform")
                            + ", not " + expected + ": sign it again with --target " + expected);
                }
            }
            ReleaseVerifier.Verified last = null;
            for (Path file : files) {
                last = verifier.verify(json, file);
                System.err.println("ok  " + file.getFileName() + "  sha256 " + last.artifact().sha256());
            }
            System.out.println(last.publisher().value());
            System.err.println("version " + last.manifest().version() + last.manifest().target().map(t -> " for " + t).orElse("")
                    + ", signed by " + last.publisher()
                    + (trusted.isEmpty() ? " (not checked against a trusted publisher: pass --publisher)" : " (trusted)"));
            return 0;
        }
    }
}
