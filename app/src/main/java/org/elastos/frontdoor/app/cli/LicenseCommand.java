package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.media.license.LicenseRequest;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "license", description = "Licenses from a seller's box.", subcommands = LicenseCommand.Get.class)
final class LicenseCommand {
    @Command(name = "get", description = {"Ask a seller's box for the license of an item, for a playback key of your own",
            "(an X25519 public key, base64url): prints the license envelope, or exits 1 with the box's refusal.",
            "The vault's account signs the request; its password is read from the terminal or standard input."})
    static final class Get implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR") java.nio.file.Path vault;
        @Option(names = "--box", required = true, paramLabel = "BOX_DID") String box;
        @ArgGroup(multiplicity = "1") Where where;
        @Option(names = "--content-id", required = true, paramLabel = "ID") String contentId;
        @Option(names = "--recipient-key", required = true, paramLabel = "B64URL") String recipientKey;

        static final class Where {
            @Option(names = "--direct", paramLabel = "HOST:PORT", description = "the box itself") String direct;
            @Option(names = "--relay", paramLabel = "HOST:PORT", description = "its carrier relay") String relay;
        }

        @Override
        public Integer call() throws Exception {
            DidKey seller = DidKey.parse(box);
            String id = ContentId.parse(contentId).hex();
            byte[] key;
            try {
                key = Base64.getUrlDecoder().decode(recipientKey);
            } catch (IllegalArgumentException e) {
                throw new CliException("--recipient-key is base64url of a 32-byte X25519 public key");
            }
            URI endpoint = URI.create(where.direct != null ? "tls://" + where.direct : "relay://" + where.relay);
            try (Wallet wallet = Wallet.open(Vault.at(vault))) {
                Signer buyer = Terminal.system().unlock(wallet);
                try (BoxClient client = BoxConnector.connect(List.of(endpoint), seller, buyer.device()).client()) {
                    StoreItem item = StoreItem.verify(client.storeItem(id));
                    StoreItem.Listed listed = item.listing().orElseThrow(() ->
                            new CliException(id + " is not listed for sale on any chain yet"));
                    byte[] nonce = new byte[18];
                    new SecureRandom().nextBytes(nonce);
                    LicenseRequest request = new LicenseRequest(item.contentId(), listed.chainId(), listed.market(),
                            buyer.evmAddress(), key, Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), Instant.now());
                    Envelope license = client.license(request.sign(buyer).toBytes());
                    System.out.println(license.toJsonString());
                    return 0;
                } catch (BoxRefusedException refused) {
                    System.err.println("refused (" + refused.reasonName() + "): " + refused.getMessage());
                    return FrontDoorCommand.REFUSED;
                }
            }
        }
    }
}
