package org.elastos.frontdoor.media;

/** Bytes that are not the ISO base media file (MP4) this code reads: a box too short, too long, or out of place. */
public final class Mp4Exception extends Exception {
    public Mp4Exception(String message) {
        super(message);
    }

    public Mp4Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
