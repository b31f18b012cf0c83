package org.elastos.frontdoor.media;

/** A file the packager will not package, with the reason a screen or a terminal turns into words. */
public final class FilmRefusedException extends Exception {
    public enum Reason {
        /** ffmpeg is not installed: install Debian's {@code ffmpeg} package. */
        FFMPEG_MISSING,
        /** ffmpeg cannot read the file: it is not a film. */
        NOT_A_FILM,
        /** The file has no video stream. */
        NO_VIDEO,
        /** ffmpeg read it but could not turn it into H.264 and AAC (a codec it cannot decode). */
        UNSUPPORTED_CODEC,
        /** What ffmpeg made is not the fragmented MP4 we encrypt. */
        BAD_SEGMENTS
    }

    private final Reason reason;

    public FilmRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
