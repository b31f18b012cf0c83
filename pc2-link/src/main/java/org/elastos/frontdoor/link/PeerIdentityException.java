package org.elastos.frontdoor.link;

/** The other side of a TLS connection is not the DID it had to be; nothing was sent to it. */
public final class PeerIdentityException extends LinkException {
    public PeerIdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
