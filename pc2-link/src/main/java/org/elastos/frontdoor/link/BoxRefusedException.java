package org.elastos.frontdoor.link;

/** The box answered and said no: not authorized, revoked, not found, or a bad request. */
public final class BoxRefusedException extends LinkException {
    private final int status;

    public BoxRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the box gave. */
    public int status() {
        return status;
    }
}
