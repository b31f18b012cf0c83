package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.play.ItemDownload;
import org.elastos.frontdoor.media.play.PlaybackException;
import org.elastos.frontdoor.media.sealed.ItemUnsealer;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "download", description = {"Take the copy of an item you bought from its seller's box: the license is asked for with",
        "your account's signature, the sealed copy fetched and opened by the key service into --into, under its own name",
        "(or \"name (2)\" when that is taken). Progress goes to standard error; the result is one line of JSON.",
        "Exits 1 with the reason when it cannot (not bought yet, the box or the chain out of reach, a damaged copy).",
        "The vault password is read from the terminal or standard input."})
final class DownloadCommand implements Callable<Integer> {
    @Option(names = "--vault", required = true, paramLabel = "DIR") Path vault;
    @Option(names = "--box", required = true, paramLabel = "BOX_DID") String box;
    @ArgGroup(multiplicity = "1") LicenseCommand.Get.Where where;
    @Option(names = "--content-id", required = true, paramLabel = "ID") String contentId;
    @Option(names = "--into", required = true, paramLabel = "DIR", description = "the folder it opens into") Path into;

    @Override
    public Integer call() throws Exception {
        DidKey seller = DidKey.parse(box);
        String id = ContentId.parse(contentId).hex();
        URI endpoint = URI.create(where.direct != null ? "tls://" + where.direct : "relay://" + where.relay);
        try (Wallet wallet = Wallet.open(Vault.at(vault))) {
            Signer buyer = Terminal.system().unlock(wallet);
            try (BoxClient client = BoxConnector.connect(List.of(endpoint), seller, buyer.device()).client()) {
                StoreItem item = client.verifiedItem(id);
                StoreItem.Download copy = item.download().orElseThrow(() -> new CliException(id + " is a film to watch, not a copy"));
                StoreItem.Listed listed = item.listing().orElseThrow(() -> new CliException(id + " is not listed for sale on any chain yet"));
                long[] shown = {-1};
                ItemUnsealer.Opened opened = ItemDownload.take(client, item, buyer, listed.chainId(), listed.market(),
                        new KeyService(Clock.systemUTC()), new AuditLog(vault.resolve("downloads-audit.jsonl"), Clock.systemUTC()),
                        into, Clock.systemUTC(), done -> {
                            long percent = copy.bytes() == 0 ? 100 : Math.min(100, done * 100 / copy.bytes());
                            if (percent != shown[0]) {
                                shown[0] = percent;
                                System.err.print("\rdownloading: " + percent + "%");
                            }
                        });
                System.err.println();
                System.out.println(Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().put("content_id", id)
                        .put("path", opened.path().toString()).put("files", opened.manifest().entries().size())
                        .put("bytes", opened.manifest().contentBytes())));
                return 0;
            } catch (PlaybackException refused) {
                System.err.println("refused (" + refused.reason() + "): " + refused.getMessage());
                return FrontDoorCommand.REFUSED;
            }
        }
    }
}
