package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A test's look at the content key a seller's box holds for one of its films, so a journey can search every file a
 * buyer's playback may have touched for it. The box itself never hands a key out but sealed inside a license.
 */
public final class SellerKeys {
    private SellerKeys() {
    }

    /** The content key of the film titled {@code title} in the shop of the box whose data folder is {@code boxData}. */
    public static byte[] keyOf(Path boxData, String title) throws IOException {
        Path boxKey = boxData.resolve("box.key");
        if (!Files.isRegularFile(boxKey)) {
            throw new IOException("no box in " + boxData);
        }
        Shop shop = Shop.in(boxData, HostKey.loadOrCreate(boxKey, new SecureRandom()));
        for (var entry : shop.catalog()) {
            StoreItem item = StoreItem.verify(entry);
            if (item.title().equals(title)) {
                return ContentKeys.in(boxData).open(item.contentId()).orElseThrow(() -> new IOException("no key for " + title));
            }
        }
        throw new IOException("no film titled " + title + " in " + boxData);
    }
}
