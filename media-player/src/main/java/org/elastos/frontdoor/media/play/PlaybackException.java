package org.elastos.frontdoor.media.play;

/** A playback or a download that cannot go on, and why: the view maps each reason to words. */
public final class PlaybackException extends Exception {
    /** Why a film, or a segment of it, could not be played, or a copy could not be taken. */
    public enum Reason {
        /** The seller's box did not answer, after the retries. */
        SELLER_UNREACHABLE,
        /** The seller's box says the chain gives the holder no right to it (yet: a purchase counts once confirmed). */
        NO_RIGHT,
        /** The seller's box could not ask the chain, so it granted nothing. */
        CHAIN_UNREACHABLE,
        /** The seller's box refused the license for another reason (see the message). */
        LICENSE_REFUSED,
        /** The license that came does not open for this playback: not the seller's, another film's, damaged. */
        LICENSE_REJECTED,
        /** The segment came, but the decrypt capsule refused it or was stopped by it. */
        DAMAGED_SEGMENT,
        /** The copy came, but does not open: altered, cut short, or not what its box says it is. */
        DAMAGED_COPY,
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
