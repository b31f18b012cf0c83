package org.elastos.frontdoor.wallet.phrase;

/** What a phrase typed so far amounts to; the restore screen shows it as feedback while the person types. */
public sealed interface PhraseCheck {
    /** Every word is known, but there are not yet 12 or 24 of them. */
    record Incomplete(int wordCount) implements PhraseCheck {
    }

    /** A word that is not in the BIP39 list (1-based position). */
    record UnknownWord(String word, int position) implements PhraseCheck {
    }

    /** 12 or 24 known words whose checksum does not match: at least one word is wrong. */
    record BadChecksum(int wordCount) implements PhraseCheck {
    }

    /** A phrase that can be restored. */
    record Valid(int wordCount) implements PhraseCheck {
    }
}
