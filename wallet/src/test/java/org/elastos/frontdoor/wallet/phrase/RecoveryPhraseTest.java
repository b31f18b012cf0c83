package org.elastos.frontdoor.wallet.phrase;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryPhraseTest {

    /** The BIP39 reference vectors (trezor/python-mnemonic vectors.json), passphrase "TREZOR". */
    @ParameterizedTest
    @CsvSource({
        "00000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about, c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal winner thank yellow, 2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607",
        "80808080808080808080808080808080, letter advice cage absurd amount doctor acoustic avoid letter advice cage above, d71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8",
        "ffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong, ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069",
        "0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art, bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8",
    })
    void matchesTheBip39ReferenceVectors(String entropy, String mnemonic, String seed) {
        RecoveryPhrase fromEntropy = RecoveryPhrase.fromEntropy(Hex.decode(entropy));
        assertEquals(mnemonic, String.join(" ", fromEntropy.words()));
        RecoveryPhrase parsed = RecoveryPhrase.parse(mnemonic);
        assertEquals(seed, Hex.toHexString(parsed.seed("TREZOR")));
    }

    @Test
    void twoFreshPhrasesAreNeverTheSame() {
        SecureRandom random = new SecureRandom();
        RecoveryPhrase first = RecoveryPhrase.generate(random);
        assertEquals(24, first.words().size());
        assertTrue(!first.words().equals(RecoveryPhrase.generate(random).words()), "each is made from fresh entropy");
    }

    @Test
    void makesTwentyFourWordPhrasesThatParseBack() {
        RecoveryPhrase phrase = RecoveryPhrase.generate(new SecureRandom());
        assertEquals(24, phrase.words().size());
        assertEquals(phrase.words(), RecoveryPhrase.parse(String.join(" ", phrase.words())).words());
    }

    @Test
    void acceptsUpperCaseAndExtraSpaces() {
        RecoveryPhrase phrase = RecoveryPhrase.parse("  Abandon abandon ABANDON abandon abandon abandon\tabandon abandon abandon abandon abandon about \n");
        assertEquals(12, phrase.words().size());
    }

    @Test
    void namesTheWordThatIsNotInTheList() {
        InvalidPhraseException e = assertThrows(InvalidPhraseException.class, () -> RecoveryPhrase.parse(
                "abandon abandon abandon abandonn abandon abandon abandon abandon abandon abandon abandon about"));
        assertEquals("abandonn", e.word().orElseThrow());
        assertEquals(4, e.position());
        assertTrue(e.getMessage().contains("\"abandonn\" (word 4)"), e.getMessage());
    }

    @Test
    void refusesAPhraseWhoseChecksumFails() {
        InvalidPhraseException e = assertThrows(InvalidPhraseException.class, () -> RecoveryPhrase.parse(
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void refusesAnyCountOtherThanTwelveOrTwentyFour() {
        String fifteen = "abandon ".repeat(14) + "about";
        InvalidPhraseException e = assertThrows(InvalidPhraseException.class, () -> RecoveryPhrase.parse(fifteen));
        assertTrue(e.getMessage().contains("12 or 24 words; this one has 15"), e.getMessage());
    }

    @Test
    void reportsProgressWhileThePersonTypes() {
        assertInstanceOf(PhraseCheck.Incomplete.class, RecoveryPhrase.check("abandon abandon"));
        assertEquals(new PhraseCheck.UnknownWord("abandox", 2), RecoveryPhrase.check("abandon abandox"));
        assertInstanceOf(PhraseCheck.BadChecksum.class, RecoveryPhrase.check("abandon ".repeat(12)));
        assertInstanceOf(PhraseCheck.Valid.class, RecoveryPhrase.check("abandon ".repeat(11) + "about"));
    }

    @Test
    void completesWordsFromTheList() {
        assertEquals(java.util.List.of("abandon", "ability", "able", "about", "above"), RecoveryPhrase.completions("ab", 5));
        assertEquals(Set.of("zone", "zoo"), Set.copyOf(RecoveryPhrase.completions("zo", 5)));
        assertTrue(RecoveryPhrase.completions("qx", 5).isEmpty());
    }
}
