package org.elastos.frontdoor.box.shop;

import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainUnreachableException;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.Listing;
import org.elastos.frontdoor.wallet.audit.AuditLog;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes or takes back the vending machines a stop left half made: packaged into the shop, not yet named as
 * listed. The chain decides. Listed there by the machine's own seller: the entry is signed as listed, and the machine
 * sells. Not listed, or listed by another account: nobody can have bought it from this box, so it is taken back out,
 * key and all. The chain out of reach: left as it is, to be settled the next time. A machine younger than the grace
 * is left alone, since whoever is making it may be waiting for its listing to be mined.
 */
public final class HalfMadeMachines {
    /** The grace a machine being made gets before it counts as left half made. */
    public static final Duration GRACE = Duration.ofMinutes(10);

    /** What settling did to one machine. */
    public record Settled(StoreItem item, Machine machine, Outcome outcome) {
    }

    public enum Outcome { FINISHED, TAKEN_BACK, LEFT_FOR_NOW }

    private HalfMadeMachines() {
    }

    /** Settles every machine half made before {@code now - grace}; each outcome is a line in the box's audit log. */
    public static List<Settled> settle(Shop shop, ChainAccess chains, AuditLog audit, String who, Instant now, Duration grace)
            throws IOException {
        List<Settled> settled = new ArrayList<>();
        for (Shop.Machined machined : shop.machines()) {
            if (!machined.halfMade() || machined.machine().made().plus(grace).isAfter(now)) {
                continue;
            }
            StoreItem item = machined.item();
            Machine machine = machined.machine();
            Outcome outcome;
            String why;
            Optional<StoreItem.Listed> soldOn = item.listing();
            try {
                Optional<Listing> listing = soldOn.isEmpty() ? Optional.empty()
                        : chains.listing(soldOn.get().chainId(), soldOn.get().market(), ContentId.of(item.contentId()));
                if (listing.isPresent() && listing.get().seller().equals(machine.seller())) {
                    shop.listed(item.contentId(), new StoreItem.Listed(soldOn.get().chainId(), soldOn.get().market(), machine.seller()));
                    outcome = Outcome.FINISHED;
                    why = "listed on chain " + soldOn.get().chainId() + " by " + machine.seller().value() + "; now sold";
                } else {
                    shop.takeBack(item.contentId());
                    outcome = Outcome.TAKEN_BACK;
                    why = listing.map(other -> "listed by " + other.seller().value() + ", not by its seller "
                            + machine.seller().value()).orElse("never listed") + "; taken back out of the shop";
                }
            } catch (ChainUnreachableException unreachable) {
                outcome = Outcome.LEFT_FOR_NOW;
                why = "the chain is out of reach; settled the next time";
            }
            audit.record(who, "machine", machine.source() + " (" + item.contentIdHex() + ") was left half made: " + why);
            settled.add(new Settled(item, machine, outcome));
        }
        return settled;
    }
}
