package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "envelope", description = "Sign a JSON payload as your DID, or check a signed envelope.",
        subcommands = {EnvelopeCommand.Sign.class, EnvelopeCommand.Verify.class})
final class EnvelopeCommand {

    @Command(name = "sign", description = {"Print a signed envelope for the JSON object in FILE.",
            "The vault password is read from standard input when it is not a terminal."})
    static final class Sign implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR")
        Path vault;

        @Option(names = "--domain", required = true, paramLabel = "D", description = "what the signature is for, e.g. " + EnvelopeDomains.PAIR_INVITE)
        String domain;

        @Parameters(paramLabel = "FILE", description = "a JSON object")
        Path file;

        @Override
        public Integer call() throws IOException {
            EnvelopeDomains.require(domain);
            ObjectNode payload = readObject(file);
            try (Wallet wallet = Wallet.open(Vault.at(vault))) {
                Signer signer = Terminal.system().unlock(wallet);
                System.out.println(signer.signEnvelope(domain, payload).toJsonString());
            }
            return 0;
        }

        private static ObjectNode readObject(Path file) throws IOException {
            JsonNode node;
            try {
                if (Files.size(file) > Envelope.MAX_BYTES) {
                    throw new CliException(file + " is over " + Envelope.MAX_BYTES + " bytes: too long to sign as one payload");
                }
                node = Json.STRICT.readTree(Files.readString(file));
            } catch (JsonProcessingException e) {
                throw new CliException(file + " is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new CliException(file + " must hold one JSON object to sign");
            }
            return (ObjectNode) node;
        }
    }

    @Command(name = "verify", description = {"Check a signed envelope; print the signer DID and exit 0,",
            "or exit 1 with the reason. Without --domain, the domain the envelope states is checked",
            "(or, for an envelope that states none, the domains this app uses are tried)."})
    static final class Verify implements Callable<Integer> {
        @Option(names = "--domain", paramLabel = "D", description = "the domain the envelope must be signed for")
        Optional<String> domain;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            Envelope envelope = Envelope.read(file);
            List<String> candidates = domain.or(envelope::statedDomain).map(List::of).orElse(EnvelopeDomains.KNOWN);
            List<String> reasons = new ArrayList<>();
            for (String candidate : candidates) {
                try {
                    DidKey signer = envelope.verify(candidate);
                    System.out.println(signer.value());
                    System.err.println("valid signature for " + candidate);
                    return 0;
                } catch (EnvelopeRejectedException e) {
                    reasons.add(e.getMessage());
                }
            }
            throw new CliException(candidates.size() == 1 ? reasons.get(0)
                    : "the signature matches none of this app's domains (" + String.join(", ", EnvelopeDomains.KNOWN)
                    + "): the envelope was altered, or it was signed for another domain; name it with --domain");
        }
    }
}
