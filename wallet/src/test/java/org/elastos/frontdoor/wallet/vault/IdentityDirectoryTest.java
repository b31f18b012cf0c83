package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityDirectoryTest {
    @TempDir
    Path data;

    @Test
    void keepsEachIdentityInItsOwnFolderAndRemembersTheCurrentOne() throws Exception {
        IdentityDirectory directory = new IdentityDirectory(data);
        assertTrue(directory.current().isEmpty());

        Vault first = directory.newVault();
        first.create(RecoveryPhrase.parse(VaultTest.ABANDON), "", VaultTest.PASSWORD);
        assertEquals(first.file(), directory.current().orElseThrow().file());

        Vault second = directory.newVault();
        second.create(RecoveryPhrase.parse("legal winner thank year wave sausage worth useful legal winner thank yellow"), "", VaultTest.PASSWORD);
        directory.makeCurrent(second);
        assertEquals(2, directory.vaults().size());
        assertEquals(second.file(), new IdentityDirectory(data).current().orElseThrow().file());

        Files.writeString(data.resolve("current-identity"), "../../etc");
        assertTrue(directory.current().isPresent(), "a bad pointer falls back to an existing identity");
    }
}
