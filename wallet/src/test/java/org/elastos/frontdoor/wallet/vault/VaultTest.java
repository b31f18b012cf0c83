package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaultTest {
    static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    private Identity createAbandonVault() {
        return Vault.at(dir).create(RecoveryPhrase.parse(ABANDON), "", PASSWORD);
    }

    @Test
    void restoresTheKnownIdentityOfTheAbandonPhrase() {
        Identity identity = createAbandonVault();
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", identity.evmAddress().value());
        assertTrue(identity.did().value().startsWith("did:key:z6Mk"));
        assertTrue(identity.elastosDid().value().startsWith("did:elastos:i"));
        assertNotEquals(identity.did(), identity.deviceDid());
        assertEquals(identity.did(), identity.deviceCertificate().verify(EnvelopeDomains.DEVICE_CERTIFICATE));
    }

    @Test
    void showsTheIdentityWithoutThePasswordAndNeverStoresThePhrase() throws Exception {
        Identity created = createAbandonVault();
        assertEquals(created, Vault.at(dir).identity());
        String file = Files.readString(dir.resolve(Vault.FILE_NAME));
        assertFalse(file.contains("abandon"), "the phrase must never be written in clear");
    }

    @Test
    void opensWithThePasswordAndRefusesAWrongOneWithATypedError() {
        createAbandonVault();
        Vault vault = Vault.at(dir);
        vault.open(PASSWORD).wipe();
        assertThrows(WrongPasswordException.class, () -> vault.open("correct horse battery!".toCharArray()));
    }

    @Test
    void neverOverwritesAnExistingVault() throws Exception {
        createAbandonVault();
        byte[] before = Files.readAllBytes(dir.resolve(Vault.FILE_NAME));
        RecoveryPhrase other = RecoveryPhrase.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        assertThrows(VaultExistsException.class, () -> Vault.at(dir).create(other, "", PASSWORD));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(Vault.FILE_NAME)));
    }

    @Test
    void reportsATruncatedFileAsDamagedAndLeavesItAsItIs() throws Exception {
        createAbandonVault();
        Path file = dir.resolve(Vault.FILE_NAME);
        byte[] original = Files.readAllBytes(file);
        byte[] truncated = Arrays.copyOf(original, original.length / 2);
        Files.write(file, truncated);
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> Vault.at(dir).identity());
        assertTrue(e.getMessage().contains("recovery phrase"), e.getMessage());
        assertThrows(VaultDamagedException.class, () -> Vault.at(dir).open(PASSWORD));
        assertThrows(VaultDamagedException.class, () -> Vault.at(dir).changePassword(PASSWORD, "another password".toCharArray()));
        assertArrayEquals(truncated, Files.readAllBytes(file));
    }

    @Test
    void detectsAFlippedByteInTheSealedSecret() throws Exception {
        createAbandonVault();
        Path file = dir.resolve(Vault.FILE_NAME);
        String json = Files.readString(file);
        int at = json.indexOf("\"secret\" : \"") + 14;
        char flipped = json.charAt(at) == 'A' ? 'B' : 'A';
        String edited = json.substring(0, at) + flipped + json.substring(at + 1);
        Files.writeString(file, edited);
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> Vault.at(dir).open(PASSWORD));
        assertTrue(e.getMessage().contains("integrity"), e.getMessage());
        assertEquals(edited, Files.readString(file));
    }

    @Test
    void detectsAnEditedPublicIdentity() throws Exception {
        Identity identity = createAbandonVault();
        Path file = dir.resolve(Vault.FILE_NAME);
        String json = Files.readString(file);
        String edited = json.replace("\"evm_address\" : \"" + identity.evmAddress().value(),
                "\"evm_address\" : \"0x0000000000000000000000000000000000000001");
        assertNotEquals(json, edited);
        Files.writeString(file, edited);
        assertThrows(VaultDamagedException.class, () -> Vault.at(dir).open(PASSWORD));
    }

    @Test
    void reportsChangedKeyDerivationSettingsAsDamageNotAsAWrongPassword() throws Exception {
        createAbandonVault();
        Path file = dir.resolve(Vault.FILE_NAME);
        String json = Files.readString(file);
        String edited = json.replace("\"iterations\" : 4", "\"iterations\" : 5");
        assertNotEquals(json, edited);
        Files.writeString(file, edited);
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> Vault.at(dir).open(PASSWORD));
        assertTrue(e.getMessage().contains("key-derivation settings were changed"), e.getMessage());
        assertEquals(edited, Files.readString(file), "left untouched");
    }

    @Test
    void opensAVaultWrittenBeforeSettingsWereChecked() throws Exception {
        createAbandonVault();
        Path file = dir.resolve(Vault.FILE_NAME);
        String json = Files.readString(file);
        Files.writeString(file, json.replaceAll("\\s*\"kdf_check\" : \"[^\"]*\",", ""));
        assertFalse(Files.readString(file).contains("kdf_check"));
        Vault.at(dir).open(PASSWORD).wipe();
    }

    @Test
    void refusesAFileFromANewerFormatVersion() throws Exception {
        createAbandonVault();
        Path file = dir.resolve(Vault.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 2"));
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> Vault.at(dir).identity());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void saysWhereToGoWhenThereIsNoVault() {
        VaultNotFoundException e = assertThrows(VaultNotFoundException.class, () -> Vault.at(dir).identity());
        assertTrue(e.getMessage().contains("restore"), e.getMessage());
    }

    @Test
    void changesThePasswordAtomically() {
        Identity identity = createAbandonVault();
        char[] next = "a much longer new password".toCharArray();
        Vault.at(dir).changePassword(PASSWORD, next);
        assertThrows(WrongPasswordException.class, () -> Vault.at(dir).open(PASSWORD));
        KeyRing keys = Vault.at(dir).open(next);
        assertEquals(identity.did(), keys.profileDid());
        keys.wipe();
        assertThrows(WrongPasswordException.class, () -> Vault.at(dir).changePassword(PASSWORD, next));
    }

    @Test
    void refusesAPasswordShorterThanEightCharacters() {
        assertThrows(org.elastos.frontdoor.wallet.WalletException.class,
                () -> Vault.at(dir).create(RecoveryPhrase.parse(ABANDON), "", "short".toCharArray()));
        assertFalse(Files.exists(dir.resolve(Vault.FILE_NAME)));
    }

    @Test
    void aPassphraseGivesADifferentIdentity() {
        Identity plain = createAbandonVault();
        Identity withPassphrase = Vault.at(dir.resolve("second")).create(RecoveryPhrase.parse(ABANDON), "TREZOR", PASSWORD);
        assertNotEquals(plain.evmAddress(), withPassphrase.evmAddress());
        assertNotEquals(plain.did(), withPassphrase.did());
    }

    @Test
    void ratesPasswordStrength() {
        assertEquals(PasswordStrength.TOO_SHORT, PasswordStrength.of("abc".toCharArray()));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("aaaaaaaaaaaa".toCharArray()));
        assertEquals(PasswordStrength.FAIR, PasswordStrength.of("horsebattery".toCharArray()));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("Horse-Battery-Staple-9".toCharArray()));
    }
}
