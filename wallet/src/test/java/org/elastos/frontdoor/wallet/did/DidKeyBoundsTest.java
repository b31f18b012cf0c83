package org.elastos.frontdoor.wallet.did;

import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A did:key's fingerprint for people, and the lengths past which a did:key is refused before it is decoded. */
class DidKeyBoundsTest {
    @TempDir
    Path dir;

    @Test
    void theFingerprintIsTheLastEightCharactersInTwoGroups() {
        DidKey did = HostKey.loadOrCreate(dir.resolve("a.key"), new SecureRandom()).did();
        String value = did.value();
        assertEquals(value.substring(value.length() - 8, value.length() - 4) + " " + value.substring(value.length() - 4),
                did.fingerprint());
    }

    @Test
    void aDidKeyOfSeventyThreeCharactersIsDecodedAndOneMoreIsRefusedForItsLength() {
        String longest = "did:key:z" + "1".repeat(64);
        InvalidDidException decoded = assertThrows(InvalidDidException.class, () -> DidKey.parse(longest).ed25519PublicKey());
        assertTrue(!decoded.getMessage().contains("characters long"), decoded.getMessage());
        InvalidDidException tooLong = assertThrows(InvalidDidException.class, () -> DidKey.parse(longest + "1").ed25519PublicKey());
        assertTrue(tooLong.getMessage().contains("is 74 characters long"), tooLong.getMessage());
    }

    @Test
    void aLongNonDidIsShownCutToEightyCharacters() {
        String eighty = "x".repeat(80);
        assertTrue(assertThrows(InvalidDidException.class, () -> DidKey.parse(eighty).ed25519PublicKey()).getMessage()
                .contains("\"" + eighty + "\""));
        InvalidDidException cut = assertThrows(InvalidDidException.class, () -> DidKey.parse(eighty + "y").ed25519PublicKey());
        assertTrue(cut.getMessage().contains("\"" + eighty + "...\""), cut.getMessage());
    }
}
