package org.elastos.frontdoor.wallet.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Whatever bytes a vault file holds, reading it gives a vault or a {@link VaultDamagedException}, never a crash. */
class VaultFileFuzzTest {
    @FuzzTest
    void readsAnyBytesAsAVaultOrSaysItIsDamaged(byte[] file) {
        try {
            VaultFile vault = VaultFile.parse(file);
            VaultFile again = VaultFile.parse(vault.toBytes());
            if (!again.identity().equals(vault.identity())) {
                throw new AssertionError("a vault read back is another vault");
            }
        } catch (VaultDamagedException damaged) {
            // Refused, saying what is wrong.
        }
    }
}
