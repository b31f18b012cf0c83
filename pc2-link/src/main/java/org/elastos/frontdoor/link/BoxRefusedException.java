package org.elastos.frontdoor.link;

/** The box answered and said no: not authorized, revoked, not found, or a bad request. */
public final class BoxRefusedException extends LinkException {
    private final int status;
    private final BoxRefusal reason;

    public BoxRefusedException(int status, BoxRefusal reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status the box gave. */
    public int status() {
        return status;
    }

    /** Why, as the box named it. */
    public BoxRefusal reason() {
        return reason;
    }
}
