package org.elastos.frontdoor.link;

/** Every failure of pairing and of the link to a box; each message says what went wrong and what to do. */
public abstract sealed class LinkException extends RuntimeException
        permits InviteRefusedException, BoxUnreachableException, BoxRefusedException, PeerIdentityException {
    protected LinkException(String message) {
        super(message);
    }

    protected LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
