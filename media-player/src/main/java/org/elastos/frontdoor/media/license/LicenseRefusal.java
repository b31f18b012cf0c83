package org.elastos.frontdoor.media.license;

/**
 * Why a box refused a license, as the box sends it ({@code "reason"}) and a player or the command line reads it back;
 * the box checks in this order, and the first that fails is the answer.
 */
public final class LicenseRefusal extends Exception {
    public enum Reason {
        /** The request is not one: not JSON, a field missing or malformed, too long. */
        MALFORMED,
        /** The signature does not recover the holder the request names. */
        BAD_SIGNATURE,
        /** Issued more than five minutes from the box's clock, or before the box started. */
        STALE,
        /** This nonce was used already. */
        REPLAYED,
        /** The box sells no item with this content id. */
        UNKNOWN_ITEM,
        /** The request names another chain or market than the one the item is listed on. */
        WRONG_CHAIN,
        /** The chain says the holder has no right to it (yet: it counts once the purchase is deep enough). */
        NO_RIGHT,
        /** The chain could not be asked: nothing is granted without asking it. */
        CHAIN_UNREACHABLE,
        /** The box is too busy to remember more nonces: try again shortly. */
        BUSY,
        /** A reason a newer box gives that this app does not know. */
        UNKNOWN
    }

    private final Reason reason;

    public LicenseRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static Reason named(String name) {
        for (Reason reason : Reason.values()) {
            if (reason.name().equals(name)) {
                return reason;
            }
        }
        return Reason.UNKNOWN;
    }
}
