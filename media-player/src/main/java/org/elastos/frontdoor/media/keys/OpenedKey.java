package org.elastos.frontdoor.media.keys;

/** A content key a session opened: closing the session closes it, and overwrites the key. */
interface OpenedKey {
    void close();
}
