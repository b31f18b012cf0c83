package org.elastos.frontdoor.wallet.did;

import org.elastos.did.crypto.HDKey;
import org.elastos.frontdoor.wallet.derive.Bip32;
import org.elastos.frontdoor.wallet.derive.ExtendedKey;
import org.elastos.frontdoor.wallet.derive.HdPath;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our Elastos DID must be the one the Elastos DID SDK (used by Essentials) derives from the same phrase. */
class ElastosDidOracleTest {

    @ParameterizedTest
    @CsvSource(value = {
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about|",
        "legal winner thank year wave sausage worth useful legal winner thank yellow|",
        "legal winner thank year wave sausage worth useful legal winner thank yellow|secret passphrase",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong|TREZOR",
    }, delimiter = '|')
    void derivesTheSameDidAsTheElastosDidSdk(String mnemonic, String passphrase) {
        String pass = passphrase == null ? "" : passphrase;
        String oracle = "did:elastos:" + new HDKey(mnemonic, pass).derive(HDKey.DERIVE_PATH_PREFIX + 0).getAddress();

        byte[] seed = RecoveryPhrase.parse(mnemonic).seed(pass);
        ExtendedKey key = new Bip32(Bip32.Curve.SECP256R1).derive(seed, HdPath.ELASTOS_DID);
        ElastosDid ours = ElastosDid.fromPublicKey(Bip32.Curve.SECP256R1.compressedPublicKey(key.privateKey()));

        assertEquals(oracle, ours.value());
    }
}
