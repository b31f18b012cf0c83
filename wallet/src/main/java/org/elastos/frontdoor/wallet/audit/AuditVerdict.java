package org.elastos.frontdoor.wallet.audit;

/** What checking an audit log found: an intact chain, or the first place it breaks and why. */
public sealed interface AuditVerdict {
    /** Every line is an entry in sequence, chained by hash, holding the anchor if one was given. */
    record Intact(long entries, AuditHead head) implements AuditVerdict {
    }

    /**
     * @param seq the sequence number the broken place should have had
     * @param line the line of the file it is on (from 1)
     */
    record Broken(long seq, long line, Problem problem) implements AuditVerdict {
    }

    enum Problem {
        /** Not UTF-8, not JSON, not an object, or longer than any entry is. */
        UNREADABLE_LINE,
        /** An entry is missing, repeated or out of order. */
        OUT_OF_SEQUENCE,
        /** An entry does not chain to the one before it. */
        CHAIN_BROKEN,
        /** An entry's hash is not the hash of what it says: it was edited. */
        EDITED,
        /** The file ends in the middle of a line (a crash while writing; the box seals it when it starts). */
        TORN_TAIL,
        /** The log ends before the anchor's entry: entries were cut off its end. */
        CUT_SHORT,
        /** The anchor's entry is there with another hash: the chain was rewritten from it or before. */
        REWRITTEN
    }
}
