package org.elastos.frontdoor.installers;

import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two real wallets, made once per test run: the publisher people trust, and a stranger. */
public final class TestPublishers {
    public static final Signer PUBLISHER = signer("publisher", "legal winner thank year wave sausage worth useful legal winner thank yellow");
    public static final Signer STRANGER = signer("stranger", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");

    private TestPublishers() {
    }

    private static Signer signer(String name, String phrase) {
        char[] password = "publisher password".toCharArray();
        try {
            Path dir = Files.createTempDirectory("release-" + name + "-");
            Vault.at(dir).create(RecoveryPhrase.parse(phrase), "", password);
            return Wallet.open(Vault.at(dir)).unlock(password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
