package org.elastos.frontdoor.wallet.phrase;

import org.elastos.frontdoor.wallet.WalletException;

import java.util.Optional;

/** The recovery phrase cannot be used: a word is not in the list, the count is wrong, or the checksum fails. */
public final class InvalidPhraseException extends WalletException {
    private final String word;
    private final int position;

    InvalidPhraseException(String message, String word, int position) {
        super(message);
        this.word = word;
        this.position = position;
    }

    InvalidPhraseException(String message) {
        this(message, null, 0);
    }

    /** The offending word, when one word is to blame. */
    public Optional<String> word() {
        return Optional.ofNullable(word);
    }

    /** 1-based position of the offending word, or 0 when the phrase as a whole is wrong. */
    public int position() {
        return position;
    }
}
