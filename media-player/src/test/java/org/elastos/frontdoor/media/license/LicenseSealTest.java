package org.elastos.frontdoor.media.license;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The license's HPKE suite against RFC 9180's own test vectors (Appendix A.1.1), then as our licenses use it. */
class LicenseSealTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] INFO = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
    private static final byte[] IKM_E = HEX.parseHex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234");
    private static final byte[] IKM_R = HEX.parseHex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
    private static final byte[] PK_R = HEX.parseHex("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d");
    private static final byte[] ENC = HEX.parseHex("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
    private static final byte[] AAD = "Count-0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PT = "Beauty is truth, truth beauty".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CT = HEX.parseHex(
            "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");

    @Test
    void derivesTheRfcsRecipientKeyAndSealsAndOpensItsFirstMessage() throws Exception {
        HPKE hpke = LicenseSeal.suite();
        AsymmetricCipherKeyPair recipient = hpke.deriveKeyPair(IKM_R);
        assertArrayEquals(PK_R, hpke.serializePublicKey(recipient.getPublic()));
        HPKEContextWithEncapsulation sender = hpke.setupBaseS(recipient.getPublic(), INFO, hpke.deriveKeyPair(IKM_E));
        assertArrayEquals(ENC, sender.getEncapsulation());
        assertArrayEquals(CT, sender.seal(AAD, PT));
        assertArrayEquals(PT, hpke.open(ENC, recipient, INFO, AAD, CT, null, null, null));
    }

    @Test
    void aSealedKeyOpensOnlyForItsPlaybackKeyAndItsContentId() throws Exception {
        HPKE hpke = LicenseSeal.suite();
        AsymmetricCipherKeyPair playback = hpke.generatePrivateKey();
        byte[] contentId = random(16);
        byte[] key = random(16);
        LicenseSeal.Sealed sealed = LicenseSeal.seal(hpke.serializePublicKey(playback.getPublic()), contentId, key);
        assertArrayEquals(key, LicenseSeal.open(sealed, playback, contentId));
        assertThrows(InvalidCipherTextException.class, () -> LicenseSeal.open(sealed, hpke.generatePrivateKey(), contentId));
        assertThrows(InvalidCipherTextException.class, () -> LicenseSeal.open(sealed, playback, random(16)),
                "sealed for one film, it does not open as another's key");
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
