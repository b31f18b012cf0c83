package org.elastos.frontdoor.wallet.vault;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * The encrypted store of one identity, a single file {@value #FILE_NAME} in the folder it is given. Creating never
 * overwrites; every rewrite is atomic; a damaged file is reported and left as it is.
 */
public final class Vault {
    public static final String FILE_NAME = "vault.json";
    private static final byte[] KEY_CHECK_LABEL = "elastos.frontdoor.vault.key-check.v1".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final SecureRandom random;
    private final Clock clock;

    private Vault(Path dir, SecureRandom random, Clock clock) {
        this.file = dir.resolve(FILE_NAME);
        this.random = random;
        this.clock = clock;
    }

    public static Vault at(Path dir) {
        return new Vault(dir, new SecureRandom(), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Derives the identity from the phrase, makes a fresh device key, and seals both under the password.
     *
     * @throws VaultExistsException when a vault is already there; it is never replaced
     */
    public Identity create(RecoveryPhrase phrase, String passphrase, char[] password) {
        return create(phrase, passphrase, password, KdfParams.DEFAULT);
    }

    public Identity create(RecoveryPhrase phrase, String passphrase, char[] password, KdfParams kdf) {
        PasswordStrength.require(password);
        if (exists()) {
            throw new VaultExistsException("A vault already exists at " + file + "; it is never overwritten."
                    + " Choose another folder, or delete that one yourself if you are sure.");
        }
        byte[] seed = phrase.seed(passphrase);
        byte[] deviceKey = new byte[KeyRing.DEVICE_KEY_BYTES];
        random.nextBytes(deviceKey);
        KeyRing keys = KeyRing.of(seed, deviceKey);
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(deviceKey, (byte) 0);
        try {
            Identity identity = keys.certifyDevice(clock.instant());
            byte[] sealed = seal(identity, keys, password, kdf).toBytes();
            try {
                AtomicFile.createNew(file, sealed);
            } catch (FileAlreadyExistsException e) {
                throw new VaultExistsException("A vault appeared at " + file + " while this one was being made; it was"
                        + " left as it is.", e);
            } catch (IOException e) {
                throw new VaultDamagedException("The vault could not be saved at " + file + ": " + e.getMessage(), e);
            }
            return identity;
        } finally {
            keys.wipe();
        }
    }

    /** The public identity, read without the password. */
    public Identity identity() {
        return read().identity();
    }

    /** Opens the vault: the caller owns the returned keys and must wipe them. */
    KeyRing open(char[] password) {
        return open(read(), password);
    }

    private static KeyRing open(VaultFile vault, char[] password) {
        byte[] derived = deriveKey(password, vault.salt(), vault.kdf());
        try {
            byte[] check = keyCheck(derived);
            if (!MessageDigest.isEqual(check, vault.keyCheck())) {
                throw new WrongPasswordException("That password does not open this vault. Check it and try again.");
            }
            byte[] secret = crypt(Cipher.DECRYPT_MODE, derived, vault.nonce(), vault.associatedData(), vault.secret());
            try {
                KeyRing keys = KeyRing.fromSecretBytes(secret);
                if (!keys.profileDid().equals(vault.identity().did()) || !keys.deviceDid().equals(vault.identity().deviceDid())
                        || !keys.evmAddress().equals(vault.identity().evmAddress())
                        || !keys.elastosDid().equals(vault.identity().elastosDid())) {
                    keys.wipe();
                    throw damagedContents("the keys inside do not match the identity outside", null);
                }
                return keys;
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Re-seals the same keys under a new password, with a fresh salt and nonce, atomically. */
    public void changePassword(char[] current, char[] next) {
        PasswordStrength.require(next);
        VaultFile old = read();
        KeyRing keys = open(old, current);
        try {
            write(seal(old.identity(), keys, next, old.kdf()));
        } finally {
            keys.wipe();
        }
    }

    private VaultFile seal(Identity identity, KeyRing keys, char[] password, KdfParams kdf) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] derived = deriveKey(password, salt, kdf);
        byte[] secret = keys.secretBytes();
        try {
            VaultFile header = new VaultFile(identity, kdf, salt, nonce, keyCheck(derived), new byte[0]);
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, derived, nonce, header.associatedData(), secret);
            return new VaultFile(identity, kdf, salt, nonce, header.keyCheck(), sealed);
        } finally {
            Arrays.fill(derived, (byte) 0);
            Arrays.fill(secret, (byte) 0);
        }
    }

    private VaultFile read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new VaultNotFoundException("There is no vault at " + file + ". Create an identity or restore one"
                    + " from its recovery phrase first.", e);
        } catch (IOException e) {
            throw new VaultDamagedException("The vault at " + file + " cannot be read: " + e.getMessage(), e);
        }
        return VaultFile.parse(bytes);
    }

    private void write(VaultFile vault) {
        try {
            AtomicFile.write(file, vault.toBytes());
        } catch (IOException e) {
            throw new VaultDamagedException("The vault could not be saved at " + file + ": " + e.getMessage()
                    + ". The previous vault, if any, is unchanged.", e);
        }
    }

    /** 64 bytes of Argon2id output: the first half is the AES key, the second half keys the password check. */
    private static byte[] deriveKey(char[] password, byte[] salt, KdfParams kdf) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(kdf.memoryKib())
                .withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[64];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] keyCheck(byte[] derived) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, 32, 32, "HmacSHA256"));
            return mac.doFinal(KEY_CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] crypt(int mode, byte[] derived, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw damagedContents("its contents fail their integrity check (the password is right, so the file was"
                    + " altered or corrupted)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    private static VaultDamagedException damagedContents(String why, Throwable cause) {
        return new VaultDamagedException("The vault cannot be opened: " + why + ". It has been left untouched;"
                + " restore your identity from its recovery phrase into a new folder.", cause);
    }
}
