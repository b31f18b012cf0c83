package org.elastos.frontdoor.wallet.testing;

import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.KdfParams;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.nio.file.Path;

/** Real wallets for test accounts, restored from the public BIP39 test phrases, each in its own vault. */
public final class TestAccounts {
    public static final String SELLER = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    public static final String BUYER = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    public static final String PARTNER = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";
    public static final String VIEWER = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong";

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final KdfParams QUICK = new KdfParams(KdfParams.MIN_MEMORY_KIB, 1, 1);

    private TestAccounts() {
    }

    public static Signer signer(Path folder, String phrase) {
        Vault vault = Vault.at(folder);
        vault.create(RecoveryPhrase.parse(phrase), "", PASSWORD.clone(), QUICK);
        return Wallet.open(vault).unlock(PASSWORD.clone());
    }
}
