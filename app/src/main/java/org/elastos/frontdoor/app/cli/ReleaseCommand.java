package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.app.AppVersion;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.ReleaseVerifier;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "release", description = "Sign a release manifest, or verify downloads against one.",
        subcommands = {ReleaseCommand.Sign.class, ReleaseCommand.Verify.class})
final class ReleaseCommand {

    @Command(name = "sign", description = {"Write a signed manifest with the SHA-256 of every FILE.",
            "The vault password is read from standard input when it is not a terminal."})
    static final class Sign implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "the publisher's vault")
        Path vault;

        @Option(names = "--out", required = true, paramLabel = "MANIFEST")
        Path out;

        @Option(names = "--release-version", paramLabel = "V", description = "the version released (default: this app's)")
        String version;

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
                String json = ReleaseManifest.sign(signer, version != null ? version : AppVersion.current(), files, Instant.now()).toJsonString();
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

        @Parameters(index = "0", paramLabel = "MANIFEST")
        Path manifest;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            Set<DidKey> trusted = publishers.stream().map(DidKey::parse).collect(Collectors.toSet());
            ReleaseVerifier verifier = new ReleaseVerifier(trusted);
            String json = Files.readString(manifest);
            ReleaseVerifier.Verified last = null;
            for (Path file : files) {
                last = verifier.verify(json, file);
                System.err.println("ok  " + file.getFileName() + "  sha256 " + last.artifact().sha256());
            }
            System.out.println(last.publisher().value());
            System.err.println("version " + last.manifest().version() + ", signed by " + last.publisher()
                    + (trusted.isEmpty() ? " (not checked against a trusted publisher: pass --publisher)" : " (trusted)"));
            return 0;
        }
    }
}
