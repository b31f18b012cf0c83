package org.elastos.frontdoor.media.play;

/** A playback that cannot go on, and why: the view maps each reason to words. */
public final class PlaybackException extends Exception {
    /** Why a segment could not be played. */
    public enum Reason {
        /** The seller's box did not answer, after the retries. */
        SELLER_UNREACHABLE,
        /** The segment came, but the decrypt capsule refused it or was stopped by it. */
        DAMAGED_SEGMENT,
        /** The playback was closed. */
        ENDED
    }

    private final Reason reason;

    public PlaybackException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
