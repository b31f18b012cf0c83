package org.elastos.frontdoor.media.keys;

/** A license the key service would not open, and why; no key was opened. */
public final class LicenseRejected extends Exception {
    /** Why a license was not opened. */
    public enum Reason {
        /** Signed by someone other than the box that sells the film, or not a license at all. */
        NOT_FROM_THE_SELLER,
        /** A license for another film than the one being played. */
        ANOTHER_FILM,
        /** Sealed to another playback's key. */
        ANOTHER_PLAYBACK,
        /** Past the time the box granted it until. */
        EXPIRED,
        /** Its sealed key does not open: altered on the way. */
        DAMAGED,
        /** The playback has ended; begin a new one. */
        PLAYBACK_ENDED
    }

    private final Reason reason;

    public LicenseRejected(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
