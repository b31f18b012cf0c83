package org.elastos.frontdoor.wallet.audit;

import java.nio.file.Path;

/**
 * The audit log could not take an entry, so whatever needed that entry must not happen (every grant and denial is
 * logged, or refused). Nothing of the entry is left in the file; once the cause is gone, the log works again.
 */
public final class AuditUnavailableException extends RuntimeException {
    public enum Reason {
        /** The disk is full: free some space. */
        DISK_FULL,
        /** The last complete line is not an entry: the log was edited or damaged; verify it. */
        DAMAGED,
        /** Any other failure to write (permissions, a failing disk). */
        UNWRITABLE
    }

    private final Reason reason;

    AuditUnavailableException(Reason reason, Path file, Throwable cause) {
        super(switch (reason) {
            case DISK_FULL -> "the audit log " + file + " cannot grow: the disk is full; free some space";
            case DAMAGED -> "the last entry of the audit log " + file + " is damaged or was edited; check it with"
                    + " `frontdoor box audit verify` and move the log aside to start a new one";
            case UNWRITABLE -> "cannot write the audit log " + file + (cause == null ? "" : " (" + cause.getMessage() + ")");
        }, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
