package org.elastos.frontdoor.link;

/** The box answered and said no: not authorized, revoked, not found, or a bad request. */
public final class BoxRefusedException extends LinkException {
    private final int status;
    private final BoxRefusal reason;
    private final String reasonName;

    public BoxRefusedException(int status, BoxRefusal reason, String message) {
        this(status, reason, reason.name(), message);
    }

    public BoxRefusedException(int status, BoxRefusal reason, String reasonName, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.reasonName = reasonName;
    }

    /** The HTTP status the box gave. */
    public int status() {
        return status;
    }

    /** Why, as the box named it. */
    public BoxRefusal reason() {
        return reason;
    }

    /** The reason exactly as the box sent it: for answers with reasons of their own (a license's). */
    public String reasonName() {
        return reasonName;
    }
}
