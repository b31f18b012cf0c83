package org.elastos.frontdoor.link;

/** A pairing invite that cannot be used; {@link #reason()} says which way, the message what to do. */
public final class InviteRefusedException extends LinkException {
    public enum Reason { MALFORMED, WRONG_SIGNATURE, EXPIRED, ALREADY_USED, NOT_FOR_THIS_BOX }

    private final Reason reason;

    public InviteRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InviteRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
