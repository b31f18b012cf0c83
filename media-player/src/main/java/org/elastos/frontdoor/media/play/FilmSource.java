package org.elastos.frontdoor.media.play;

import java.io.IOException;

/** Where a film's encrypted files come from: the seller's box over the link, by its DID, direct or relayed. */
public interface FilmSource {
    /**
     * One file of the film, whole: the init segment or a media segment, as the seller's box serves it.
     *
     * @throws IOException when it cannot be fetched now (the read-ahead tries again)
     */
    byte[] fetch(String name) throws IOException;
}
