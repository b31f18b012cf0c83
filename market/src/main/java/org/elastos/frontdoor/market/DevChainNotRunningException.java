package org.elastos.frontdoor.market;

import java.nio.file.Path;

/** The development chain was asked for, and none is running: none was ever recorded, or the recorded one stopped. */
public final class DevChainNotRunningException extends MarketException {
    private final Path recordFile;
    private final boolean recorded;

    DevChainNotRunningException(Path recordFile, boolean recorded) {
        super(recorded ? "the development chain recorded in " + recordFile + " is not running any more; start it again"
                + " with `frontdoor chain dev`" : "no development chain is running (no " + recordFile + "); start one with"
                + " `frontdoor chain dev`");
        this.recordFile = recordFile;
        this.recorded = recorded;
    }

    public Path recordFile() {
        return recordFile;
    }

    /** Whether one was recorded (and has stopped since), or none ever was. */
    public boolean recorded() {
        return recorded;
    }
}
