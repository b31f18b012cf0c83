package org.elastos.frontdoor.wallet.did;

import org.elastos.frontdoor.wallet.Base58;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DidKeyTest {

    /** A did:key with the Ed25519VerificationKey2018 key its resolved DID document lists (publicKeyBase58). */
    @Test
    void decodesToThePublicKeyItsDidDocumentLists() {
        DidKey did = DidKey.parse("did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th");
        byte[] documentKey = Base58.decode("8HH5gYEeNc3z7PYXmd54d4x6qAfCNrqQqEB3nS7Zfu7K");
        assertArrayEquals(documentKey, did.ed25519PublicKey());
        assertEquals(did, DidKey.fromEd25519PublicKey(documentKey));
    }

    /** The Ed25519 examples listed in the did:key specification. */
    @ParameterizedTest
    @ValueSource(strings = {
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG",
        "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
    })
    void roundTripsTheSpecificationExamples(String text) {
        DidKey did = DidKey.parse(text);
        assertEquals(32, did.ed25519PublicKey().length);
        assertEquals(text, DidKey.fromEd25519PublicKey(did.ed25519PublicKey()).value());
        assertTrue(text.startsWith("did:key:z6Mk"));
    }

    @Test
    void refusesOtherMethodsAndKeyTypes() {
        assertThrows(InvalidDidException.class, () -> DidKey.parse("did:web:example.com"));
        // A secp256k1 did:key (multicodec 0xe7) is a valid did:key but not an Ed25519 one.
        assertThrows(InvalidDidException.class, () -> DidKey.parse("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"));
        assertThrows(InvalidDidException.class, () -> DidKey.parse("did:key:z6Mk0OIl"));
    }

    @Test
    void refusesThirtyTwoBytesThatAreNoPointOnTheCurve() {
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff);
        byte[] bytes = new byte[34];
        bytes[0] = (byte) 0xed;
        bytes[1] = 0x01;
        System.arraycopy(notAPoint, 0, bytes, 2, 32);
        String did = "did:key:z" + org.elastos.frontdoor.wallet.Base58.encode(bytes);
        InvalidDidException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidDidException.class, () -> DidKey.parse(did));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("not an Ed25519 public key"), refused.getMessage());
    }

    @Test
    void refusesAnOverlongDidBeforeDecodingIt() {
        String huge = "did:key:z" + "6".repeat(1_000_000);
        // Decoding a million base58 digits takes hours; refusing by length, no time at all.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> org.junit.jupiter.api.Assertions.assertThrows(InvalidDidException.class, () -> DidKey.parse(huge)));
    }
}
