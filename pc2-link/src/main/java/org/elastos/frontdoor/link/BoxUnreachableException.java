package org.elastos.frontdoor.link;

/** No connection to the box could be made or kept, by any path tried. */
public final class BoxUnreachableException extends LinkException {
    public BoxUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
