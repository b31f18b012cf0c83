package org.elastos.frontdoor.tests;

import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.vault.IdentityDirectory;
import org.elastos.frontdoor.wallet.vault.KdfParams;
import org.elastos.frontdoor.wallet.vault.Vault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

/** What the pairing journeys start from: a box on loopback, and an app data folder holding one locked identity. */
final class PairingWorld {
    private PairingWorld() {
    }

    static HomeBox startBox(Path data) throws IOException {
        return HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
    }

    /** Restores {@code phrase} as the current identity, with the quickest key derivation the vault accepts. */
    static void restoreIdentity(Path appData, String phrase, String password) {
        IdentityDirectory identities = new IdentityDirectory(appData);
        Vault vault = identities.newVault();
        vault.create(RecoveryPhrase.parse(phrase), "", password.toCharArray(), new KdfParams(KdfParams.MIN_MEMORY_KIB, 1, 1));
        identities.makeCurrent(vault);
    }
}
