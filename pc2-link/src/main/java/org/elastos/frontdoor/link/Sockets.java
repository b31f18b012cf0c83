package org.elastos.frontdoor.link;

import java.io.Closeable;
import java.io.IOException;

/** Closing what is already failing or finished, where a second error would only hide the first. */
public final class Sockets {
    private Sockets() {
    }

    public static void closeQuietly(Closeable connection) {
        try {
            connection.close();
        } catch (IOException alreadyBroken) {
            // Closing was all that was wanted.
        }
    }
}
