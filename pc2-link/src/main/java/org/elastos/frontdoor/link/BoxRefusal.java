package org.elastos.frontdoor.link;

/**
 * Why a box said no, as the box sends it ({@code "reason"} beside {@code "error"} in its JSON answer) and the app
 * reads it back: one list for both sides, so neither compares words. Screens map each to their own words.
 */
public enum BoxRefusal {
    /** The device has not paired with this box. */
    NOT_ENROLLED,
    /** The device paired and waits for an owner to approve it. */
    AWAITING_APPROVAL,
    /** The device was revoked. */
    REVOKED,
    /** The token is not one this box issued, or not for this device. */
    TOKEN_INVALID,
    /** The token does not allow this (a member writing, an agent outside its folders). */
    NOT_ALLOWED,
    /** The request itself is malformed: a path outside the folders, a bad range, a name too long. */
    BAD_REQUEST,
    /** No such file, folder or API. */
    NOT_FOUND,
    /** The file already exists (upload with replace to overwrite it). */
    ALREADY_EXISTS,
    /** Another upload to the same file is under way. */
    BUSY,
    /** The request or its body is larger than the box takes. */
    TOO_LARGE,
    /** The box has no room for it. */
    NO_ROOM,
    /** Too many requests from this peer in a short time. */
    TOO_MANY_REQUESTS,
    /** The box's audit log cannot be written (a full disk): nothing is allowed until it can. */
    AUDIT_UNAVAILABLE,
    /** The chain does not list the item by the machine's seller (yet): list it first. */
    NOT_LISTED,
    /** The box cannot reach the chain to check. */
    CHAIN_UNREACHABLE,
    /** Anything this app does not know (a newer box). */
    UNKNOWN;

    /** The reason a box named, or {@link #UNKNOWN}. */
    public static BoxRefusal named(String name) {
        for (BoxRefusal refusal : values()) {
            if (refusal.name().equals(name)) {
                return refusal;
            }
        }
        return UNKNOWN;
    }
}
