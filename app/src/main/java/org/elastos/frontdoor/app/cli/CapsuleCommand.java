package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.capsule.CapsuleBundle;
import org.elastos.frontdoor.capsule.CapsuleHost;
import org.elastos.frontdoor.capsule.CapsuleLimits;
import org.elastos.frontdoor.capsule.CapsuleManifest;
import org.elastos.frontdoor.capsule.Grant;
import org.elastos.frontdoor.capsule.LoadedCapsule;
import org.elastos.frontdoor.capsule.TrustStore;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.AtomicFile;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "capsule", description = "Sign, verify and try out capsules (for publishers testing theirs).",
        subcommands = {CapsuleCommand.Sign.class, CapsuleCommand.Verify.class, CapsuleCommand.Run.class})
final class CapsuleCommand {

    @Command(name = "sign", description = {"Sign a capsule: SOURCE is a folder with manifest.json (name, version,",
            "capabilities, limits) and one .wasm, or a .capsule to sign again. Writes NAME.capsule beside the folder.",
            "The vault password is read from standard input when it is not a terminal."})
    static final class Sign implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "the publisher's vault")
        Path vault;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the capsule")
        Path out;

        @Parameters(paramLabel = "SOURCE")
        Path source;

        @Override
        public Integer call() throws IOException {
            ObjectNode payload;
            byte[] wasm;
            if (Files.isDirectory(source)) {
                payload = (ObjectNode) Json.MAPPER.readTree(Files.readString(source.resolve("manifest.json")));
                List<Path> modules;
                try (var files = Files.list(source)) {
                    modules = files.filter(p -> p.toString().endsWith(".wasm")).toList();
                }
                if (modules.size() != 1) {
                    throw new CliException(source + " must hold exactly one .wasm module, found " + modules.size());
                }
                wasm = Files.readAllBytes(modules.get(0));
            } else {
                CapsuleBundle existing = CapsuleBundle.read(source);
                payload = Envelope.parse(existing.manifestJson()).payload();
                wasm = existing.wasm();
            }
            try (Wallet wallet = Wallet.open(Vault.at(vault))) {
                Signer signer = Terminal.system().unlock(wallet);
                payload.put("publisher_did", signer.did().value());
                payload.put("wasm_sha256", CapsuleBundle.sha256(wasm));
                CapsuleManifest manifest = CapsuleManifest.fromPayload(payload);
                CapsuleBundle bundle = CapsuleBundle.sign(signer, manifest, wasm);
                Path target = out != null ? out : source.toAbsolutePath().resolveSibling(manifest.name() + ".capsule");
                AtomicFile.write(target, bundle.toZip());
                System.err.println("signed " + manifest.name() + " " + manifest.version() + " as " + signer.did() + " into " + target);
            }
            return 0;
        }
    }

    @Command(name = "verify", description = "Check a capsule's signature and module: prints the publisher DID, or exits 1.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "BUNDLE")
        Path bundle;

        @Override
        public Integer call() throws IOException {
            CapsuleManifest manifest = CapsuleHost.verify(CapsuleBundle.read(bundle));
            System.out.println(manifest.publisher().value());
            System.err.println(manifest.name() + " " + manifest.version() + ", asks for " + manifest.requested()
                    + ", limits " + manifest.limits().memoryPages() * 64 + " KiB and " + manifest.limits().callTime().toMillis() + " ms per call");
            return 0;
        }
    }

    @Command(name = "run", description = {"Load a capsule with the grants given and call one of its functions.",
            "The publisher must be in DATA/trusted-publishers; the audit entries it leaves are printed."})
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "BUNDLE")
        Path bundle;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "the folders the capsule may be granted")
        Path data;

        @Option(names = "--grant", paramLabel = "CAPABILITY[:KEY=VALUE,...]", description = "e.g. log, or folder.read:folder=Films")
        List<String> grants = List.of();

        @Option(names = "--call", paramLabel = "FUNCTION", defaultValue = "run")
        String function;

        @Override
        public Integer call() throws IOException {
            AuditLog audit = new AuditLog(data.resolve("capsule-audit.jsonl"), Clock.systemUTC());
            int before = audit.entries().size();
            CapsuleHost host = new CapsuleHost(new TrustStore(data.resolve("trusted-publishers")), audit, data, CapsuleLimits.DEVICE_MAXIMUM);
            try (LoadedCapsule capsule = host.load(CapsuleBundle.read(bundle), grants.stream().map(Run::grant).toList())) {
                System.out.println(Arrays.toString(capsule.call(function)));
            } finally {
                audit.entries().stream().skip(before).forEach(e -> System.err.println("audit " + e.seq() + " " + e.subject()
                        + " " + e.event() + " " + e.detail()));
            }
            return 0;
        }

        private static Grant grant(String text) {
            String[] parts = text.split(":", 2);
            Map<String, String> args = new LinkedHashMap<>();
            if (parts.length == 2) {
                for (String pair : parts[1].split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) {
                        throw new CliException("a grant argument is KEY=VALUE, got \"" + pair + "\"");
                    }
                    args.put(kv[0], kv[1]);
                }
            }
            return new Grant(parts[0], args);
        }
    }
}
