package org.elastos.frontdoor.wallet.phrase;

import org.web3j.crypto.MnemonicUtils;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A BIP39 recovery phrase (English list): 24 words when we make one, 12 or 24 accepted on restore. The phrase is
 * the one thing that recovers an identity; the app shows it once and never stores it in clear.
 */
public final class RecoveryPhrase {
    private static final List<String> WORDS = MnemonicUtils.getWords();
    private static final Map<String, Integer> INDEX = indexWords();

    private final List<String> words;

    private RecoveryPhrase(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** A fresh 24-word phrase from 256 bits of entropy. */
    public static RecoveryPhrase generate(SecureRandom random) {
        byte[] entropy = new byte[32];
        random.nextBytes(entropy);
        RecoveryPhrase phrase = fromEntropy(entropy);
        Arrays.fill(entropy, (byte) 0);
        return phrase;
    }

    public static RecoveryPhrase fromEntropy(byte[] entropy) {
        return new RecoveryPhrase(split(MnemonicUtils.generateMnemonic(entropy)));
    }

    /** @throws InvalidPhraseException naming the first unknown word, or saying the count or checksum is wrong */
    public static RecoveryPhrase parse(String text) {
        List<String> words = split(text);
        PhraseCheck check = check(words);
        if (check instanceof PhraseCheck.UnknownWord unknown) {
            throw new InvalidPhraseException("\"" + unknown.word() + "\" (word " + unknown.position()
                    + ") is not a recovery phrase word; check its spelling", unknown.word(), unknown.position());
        }
        if (check instanceof PhraseCheck.Incomplete incomplete) {
            throw new InvalidPhraseException("a recovery phrase has 12 or 24 words; this one has " + incomplete.wordCount());
        }
        if (check instanceof PhraseCheck.BadChecksum) {
            throw new InvalidPhraseException("the words are all valid but do not fit together (checksum failed);"
                    + " one of them is probably wrong or in the wrong place");
        }
        return new RecoveryPhrase(words);
    }

    public static PhraseCheck check(String text) {
        return check(split(text));
    }

    private static PhraseCheck check(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!INDEX.containsKey(words.get(i))) {
                return new PhraseCheck.UnknownWord(words.get(i), i + 1);
            }
        }
        if (words.size() != 12 && words.size() != 24) {
            return new PhraseCheck.Incomplete(words.size());
        }
        return checksumMatches(words) ? new PhraseCheck.Valid(words.size()) : new PhraseCheck.BadChecksum(words.size());
    }

    /** Up to {@code limit} list words that start with {@code prefix}, in list order. */
    public static List<String> completions(String prefix, int limit) {
        String p = normalize(prefix).trim();
        List<String> out = new ArrayList<>();
        if (p.isEmpty()) {
            return out;
        }
        for (String word : WORDS) {
            if (word.startsWith(p)) {
                out.add(word);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    public List<String> words() {
        return words;
    }

    /** The 64-byte BIP39 seed (PBKDF2-HMAC-SHA512, 2048 rounds); the passphrase may be empty. */
    public byte[] seed(String passphrase) {
        return MnemonicUtils.generateSeed(String.join(" ", words), normalize(passphrase == null ? "" : passphrase));
    }

    @Override
    public String toString() {
        return "RecoveryPhrase[" + words.size() + " words]";
    }

    private static boolean checksumMatches(List<String> words) {
        int totalBits = words.size() * 11;
        int checksumBits = totalBits / 33;
        int entropyBits = totalBits - checksumBits;
        boolean[] bits = new boolean[totalBits];
        for (int w = 0; w < words.size(); w++) {
            int index = INDEX.get(words.get(w));
            for (int b = 0; b < 11; b++) {
                bits[w * 11 + b] = ((index >> (10 - b)) & 1) == 1;
            }
        }
        byte[] entropy = new byte[entropyBits / 8];
        for (int i = 0; i < entropyBits; i++) {
            if (bits[i]) {
                entropy[i / 8] |= (byte) (1 << (7 - i % 8));
            }
        }
        byte[] hash = sha256(entropy);
        Arrays.fill(entropy, (byte) 0);
        for (int i = 0; i < checksumBits; i++) {
            boolean expected = ((hash[i / 8] >> (7 - i % 8)) & 1) == 1;
            if (bits[entropyBits + i] != expected) {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String text) {
        String clean = normalize(text == null ? "" : text).trim().toLowerCase(Locale.ROOT);
        return clean.isEmpty() ? List.of() : List.of(clean.split("\\s+"));
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Map<String, Integer> indexWords() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < WORDS.size(); i++) {
            index.put(WORDS.get(i), i);
        }
        return Map.copyOf(index);
    }
}
