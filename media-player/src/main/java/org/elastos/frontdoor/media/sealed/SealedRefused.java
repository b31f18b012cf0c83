package org.elastos.frontdoor.media.sealed;

/** A sealed item that will not open, and why. Nothing of it was written where the caller asked. */
public final class SealedRefused extends Exception {
    /** Why a sealed item was refused. */
    public enum Reason {
        /** The bytes do not begin with the sealed format's tag, or name a version this reader does not know. */
        NOT_SEALED,
        /** The header's fields are out of their bounds. */
        BAD_HEADER,
        /** It is sealed for another content id than the key opened for it. */
        ANOTHER_ITEM,
        /** A chunk does not authenticate: altered, reordered, or sealed under another key. */
        DAMAGED,
        /** It ends before its last chunk. */
        TRUNCATED,
        /** Bytes follow its last chunk. */
        TRAILING_BYTES,
        /** The list of what it holds is unreadable, unsafe (a path that climbs out, a duplicate) or does not add up. */
        BAD_MANIFEST
    }

    private final Reason reason;

    public SealedRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SealedRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
