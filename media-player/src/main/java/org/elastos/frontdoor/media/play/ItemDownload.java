package org.elastos.frontdoor.media.play;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.LicenseRejected;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.license.LicenseRequest;
import org.elastos.frontdoor.media.sealed.ItemUnsealer;
import org.elastos.frontdoor.media.sealed.SealedRefused;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.function.LongConsumer;

/**
 * Takes the copy a holder bought: asks the seller's box for the license (the same request, checks and envelope as a
 * film's), fetches the sealed item over the link, and has the key service open it into a folder. The key stays in
 * the key service; what opens is the holder's to keep (ADR 0016).
 */
public final class ItemDownload {
    private ItemDownload() {
    }

    /**
     * @param seller   a link to the seller's box, used for this download only
     * @param item     the copy, as its box signed it
     * @param folder   where it opens, under its own name (or "name (2)" when that is taken)
     * @param progress hears the clear bytes opened so far, of {@link StoreItem.Download#bytes()} and the list of files
     * @throws PlaybackException with the reason, when it cannot be taken; nothing is left in {@code folder} then
     */
    public static ItemUnsealer.Opened take(BoxClient seller, StoreItem item, Signer holder, long chainId, EvmAddress market,
            KeyService keys, AuditLog audit, Path folder, Clock clock, LongConsumer progress) throws PlaybackException {
        StoreItem.Download copy = item.download().orElseThrow(() -> new IllegalArgumentException(item.contentIdHex()
                + " is a film to watch, not a copy to download"));
        try (PlaybackSession session = keys.begin()) {
            byte[] nonce = new byte[18];
            new SecureRandom().nextBytes(nonce);
            LicenseRequest request = new LicenseRequest(item.contentId(), chainId, market, holder.evmAddress(),
                    session.publicKey(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), clock.instant());
            ItemUnsealer.Keys key = session.openSealed(FilmPlayback.license(seller, request.sign(holder), item), item.box(),
                    item.contentId());
            audit.record("downloads", "license", item.contentIdHex() + " from " + item.box().fingerprint());
            LinkHttp.Response response = seller.storeFile(item.contentIdHex(), copy.sealed(), 0);
            try (InputStream body = response.body()) {
                ItemUnsealer.Opened opened = ItemUnsealer.unseal(body, key, folder, progress);
                audit.record("downloads", "open", item.contentIdHex() + ": " + opened.manifest().entries().size()
                        + " files, " + opened.manifest().contentBytes() + " bytes");
                return opened;
            }
        } catch (LicenseRejected e) {
            audit.record("downloads", "deny", item.contentIdHex() + ": the license was rejected (" + e.reason() + ")");
            throw new PlaybackException(PlaybackException.Reason.LICENSE_REJECTED, e.getMessage(), e);
        } catch (SealedRefused e) {
            audit.record("downloads", "deny", item.contentIdHex() + ": the copy does not open (" + e.reason() + ")");
            throw new PlaybackException(e.reason() == SealedRefused.Reason.TRUNCATED ? PlaybackException.Reason.SELLER_UNREACHABLE
                    : PlaybackException.Reason.DAMAGED_COPY, e.getMessage(), e);
        } catch (LinkException | IOException e) {
            audit.record("downloads", "deny", item.contentIdHex() + ": " + PlaybackException.Reason.SELLER_UNREACHABLE);
            throw new PlaybackException(PlaybackException.Reason.SELLER_UNREACHABLE, e.getMessage(), e);
        } catch (PlaybackException e) {
            audit.record("downloads", "deny", item.contentIdHex() + ": " + e.reason());
            throw e;
        }
    }
}
