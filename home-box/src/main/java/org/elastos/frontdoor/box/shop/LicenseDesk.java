package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.MarketException;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseRefusal;
import org.elastos.frontdoor.media.license.LicenseRequest;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grants licenses: a film's key, sealed to the playback key a buyer named, only once the chain says the buyer holds
 * the right. Each request is checked in this order, the first failure being the answer: the signature recovers the
 * holder; it was issued within five minutes (and not before the box started, so a restart forgets no nonce that
 * matters); its nonce is new; the item is sold here, on the chain and market named; and
 * {@code hasAccessByContentId(holder, id)} is true at the newest block less the chain's confirmations. A chain that
 * cannot be asked refuses; nothing is ever granted without it.
 */
public final class LicenseDesk {
    static final Duration FRESHNESS = Duration.ofMinutes(5);
    /** A license opens for this long: one playback, with pauses. */
    static final Duration VALIDITY = Duration.ofHours(12);
    private static final int MAX_NONCES = 100_000;

    /** A granted license, and what the audit log says of it. */
    public record Grant(Envelope license, EvmAddress holder, String contentId) {
    }

    private final Shop shop;
    private final HostKey box;
    private final ChainAccess chains;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Instant> nonces = new LinkedHashMap<>();

    public LicenseDesk(Shop shop, HostKey box, ChainAccess chains, Clock clock) {
        this.shop = shop;
        this.box = box;
        this.chains = chains;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** @throws LicenseRefusal saying which check failed */
    public Grant grant(byte[] body) throws LicenseRefusal {
        LicenseRequest.Signed signed = LicenseRequest.Signed.parse(body);
        LicenseRequest request = signed.request();
        if (!signed.signer().equals(request.holder())) {
            throw new LicenseRefusal(LicenseRefusal.Reason.BAD_SIGNATURE, "the request is signed by another account than "
                    + request.holder() + "; sign it with the account that bought the film");
        }
        Instant now = clock.instant();
        Instant issued = request.issuedAt();
        if (issued.isBefore(now.minus(FRESHNESS)) || issued.isAfter(now.plus(FRESHNESS)) || issued.isBefore(startedAt.minus(Duration.ofSeconds(1)))) {
            throw new LicenseRefusal(LicenseRefusal.Reason.STALE, "the request was issued at " + issued + ", not within five"
                    + " minutes of the box's clock (" + now + "); make a fresh one, and check this device's clock");
        }
        spend(request.nonce(), now);
        StoreItem item = shop.item(request.contentId()).orElseThrow(() -> new LicenseRefusal(LicenseRefusal.Reason.UNKNOWN_ITEM,
                "this box sells nothing with the content id " + request.contentIdHex()));
        StoreItem.Listed listed = item.listing().orElseThrow(() -> new LicenseRefusal(LicenseRefusal.Reason.UNKNOWN_ITEM,
                request.contentIdHex() + " is not listed for sale on any chain yet"));
        if (listed.chainId() != request.chainId() || !listed.market().equals(request.market())) {
            throw new LicenseRefusal(LicenseRefusal.Reason.WRONG_CHAIN, "this film is sold on chain " + listed.chainId()
                    + " by the market " + listed.market() + ", not on chain " + request.chainId() + " by " + request.market());
        }
        boolean right;
        try {
            right = chains.oracle(listed.chainId(), listed.market()).hasAccess(request.holder(), ContentId.of(request.contentId()));
        } catch (ChainUnreachableException e) {
            throw new LicenseRefusal(LicenseRefusal.Reason.CHAIN_UNREACHABLE, "cannot check your right: the chain is"
                    + " unreachable (" + e.getMessage() + ")");
        } catch (MarketException e) {
            throw new LicenseRefusal(LicenseRefusal.Reason.CHAIN_UNREACHABLE, "cannot check your right: " + e.getMessage());
        }
        if (!right) {
            throw new LicenseRefusal(LicenseRefusal.Reason.NO_RIGHT, request.holder() + " does not own " + request.contentIdHex()
                    + " on chain " + listed.chainId() + " (a purchase counts once it is confirmed); buy it first");
        }
        byte[] key = shop.keys().open(request.contentId()).orElseThrow(() -> new LicenseRefusal(LicenseRefusal.Reason.UNKNOWN_ITEM,
                "this box has lost the key of " + request.contentIdHex()));
        try {
            LicenseSeal.Sealed sealed = LicenseSeal.seal(request.recipientKey(), request.contentId(), key);
            Envelope license = new License(request.contentId(), request.holder(), request.recipientKey(), sealed,
                    now.plus(VALIDITY)).sign(box);
            return new Grant(license, request.holder(), request.contentIdHex());
        } catch (IllegalArgumentException e) {
            throw new LicenseRefusal(LicenseRefusal.Reason.MALFORMED, "this is not a license request: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Marks a nonce used; nonces are forgotten once their requests could no longer be fresh. */
    private synchronized void spend(String nonce, Instant now) throws LicenseRefusal {
        nonces.values().removeIf(seen -> seen.isBefore(now.minus(FRESHNESS.multipliedBy(2))));
        if (nonces.containsKey(nonce)) {
            throw new LicenseRefusal(LicenseRefusal.Reason.REPLAYED, "this request was used already; make a fresh one");
        }
        if (nonces.size() >= MAX_NONCES) {
            throw new LicenseRefusal(LicenseRefusal.Reason.BUSY, "the box is answering too many licenses at once; try again shortly");
        }
        nonces.put(nonce, now);
    }
}
