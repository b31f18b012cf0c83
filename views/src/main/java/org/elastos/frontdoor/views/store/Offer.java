package org.elastos.frontdoor.views.store;

import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.BoxUnreachableException;
import org.elastos.frontdoor.link.PeerIdentityException;
import org.elastos.frontdoor.link.SellerBoxes;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainProfile;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.wallet.WalletException;

import java.util.Locale;
import java.util.Optional;

/**
 * One listing as the Store shows it: what the chain says (price, seller, for sale) and what the seller's box says
 * of it, believed only when the box signed it for this chain and market.
 */
public record Offer(Listing listing, Seller seller, Optional<StoreItem> item, Optional<byte[]> poster) {
    /** What is known of the seller's side. */
    public enum Seller {
        /** Not asked yet. */
        LOOKING,
        /** Its box described the item, signed. */
        ONLINE,
        /** Its box did not answer: the listing stays, and says so. */
        OFFLINE,
        /** It answered with something that does not check out, or the listing names no box of ours. */
        UNVERIFIED
    }

    public static Offer looking(Listing listing) {
        return new Offer(listing, Seller.LOOKING, Optional.empty(), Optional.empty());
    }

    /** Asks the seller's box. Never throws for the box's sake: what went wrong is the offer's {@link #seller()}. */
    public static Offer describe(Listing listing, SellerBoxes sellers, ChainProfile chain) {
        SellerBoxes.ItemAddress address;
        try {
            address = SellerBoxes.ItemAddress.parse(listing.metadataUri());
        } catch (IllegalArgumentException | WalletException e) {
            return new Offer(listing, Seller.UNVERIFIED, Optional.empty(), Optional.empty());
        }
        try {
            SellerBoxes.Described described = sellers.describe(address);
            if (!vouchesFor(described.item(), listing, chain)) {
                return new Offer(listing, Seller.UNVERIFIED, Optional.empty(), Optional.empty());
            }
            return new Offer(listing, Seller.ONLINE, Optional.of(described.item()), described.poster());
        } catch (BoxUnreachableException e) {
            return new Offer(listing, Seller.OFFLINE, Optional.empty(), Optional.empty());
        } catch (BoxRefusedException | PeerIdentityException | WalletException e) {
            // Refused, an impostor on the path, or an answer that is not a signed entry: nothing of it is believed.
            return new Offer(listing, Seller.UNVERIFIED, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Whether the box's signed entry stands behind this listing: the same content id, sold on this chain by this
     * market, and paying the seller the entry names. Someone else who lists a box's item is not its seller.
     */
    public static boolean vouchesFor(StoreItem item, Listing listing, ChainProfile chain) {
        return item.contentIdHex().equals(listing.contentId().hex()) && item.listing().map(where -> where.chainId() == chain.chainId()
                && chain.market().map(where.market()::equals).orElse(false)
                && where.seller().map(listing.seller()::equals).orElse(false)).orElse(false);
    }

    /** The item's title, or, while its box is silent, its content id shortened. */
    public String title() {
        return item.map(StoreItem::title).orElseGet(() -> Strings.get("store.untitled", shortId()));
    }

    public String shortId() {
        String hex = listing.contentId().hex();
        return hex.substring(2, 8) + "\u2026" + hex.substring(hex.length() - 4);
    }

    /** "1:02:03" or "4:05", from the box's metadata; empty while unknown. */
    public String duration() {
        return item.flatMap(StoreItem::watch).map(film -> clock(Math.round(film.durationSeconds()))).orElse("");
    }

    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Whether a search matches it: title, description, or content id, ignoring case. */
    public boolean matches(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        return title().toLowerCase(Locale.ROOT).contains(q)
                || item.map(it -> it.description().toLowerCase(Locale.ROOT).contains(q)).orElse(false)
                || listing.contentId().hex().contains(q);
    }
}
