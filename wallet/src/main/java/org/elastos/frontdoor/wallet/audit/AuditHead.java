package org.elastos.frontdoor.wallet.audit;

import java.util.regex.Pattern;

/**
 * Where an audit log ended when someone looked: the newest entry's sequence number and hash. A device keeps the
 * newest head it saw; a log that no longer holds it was cut short or rewritten.
 */
public record AuditHead(long seq, String hash) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    public static final AuditHead EMPTY = new AuditHead(0, AuditLog.GENESIS);

    public AuditHead {
        if (seq < 0 || hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("an audit head is a sequence number of 0 or more and a SHA-256 in hex");
        }
    }
}
