package org.elastos.frontdoor.wallet.vault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.derive.Bip32;
import org.elastos.frontdoor.wallet.derive.ExtendedKey;
import org.elastos.frontdoor.wallet.derive.HdPath;
import org.elastos.frontdoor.wallet.derive.Slip10Ed25519;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.did.ElastosDid;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;
import org.web3j.crypto.ECKeyPair;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The private keys of one unlocked wallet, all derived from the seed except the device key, which is random per
 * installation. Package-private: nothing outside the vault package ever sees these bytes.
 */
final class KeyRing {
    static final int SEED_BYTES = 64;
    static final int DEVICE_KEY_BYTES = 32;

    private final byte[] seed;
    private final byte[] deviceKey;
    private final byte[] profileKey;
    private final ECKeyPair evmKey;
    private final byte[] elastosKey;
    private volatile boolean wiped;

    private KeyRing(byte[] seed, byte[] deviceKey) {
        if (seed.length != SEED_BYTES || deviceKey.length != DEVICE_KEY_BYTES) {
            throw new IllegalArgumentException("a key ring needs a 64-byte seed and a 32-byte device key");
        }
        this.seed = seed.clone();
        this.deviceKey = deviceKey.clone();
        this.profileKey = take(Slip10Ed25519.derive(seed, HdPath.PROFILE_DID));
        byte[] evmPrivate = take(new Bip32(Bip32.Curve.SECP256K1).derive(seed, HdPath.EVM_ACCOUNT));
        this.evmKey = ECKeyPair.create(evmPrivate);
        Arrays.fill(evmPrivate, (byte) 0);
        this.elastosKey = take(new Bip32(Bip32.Curve.SECP256R1).derive(seed, HdPath.ELASTOS_DID));
    }

    static KeyRing of(byte[] seed, byte[] deviceKey) {
        return new KeyRing(seed, deviceKey);
    }

    DidKey profileDid() {
        return didOf(profileKey);
    }

    DidKey deviceDid() {
        return didOf(deviceKey);
    }

    EvmAddress evmAddress() {
        return EvmAddress.fromPublicKey(evmKey.getPublicKey());
    }

    ElastosDid elastosDid() {
        return ElastosDid.fromPublicKey(Bip32.Curve.SECP256R1.compressedPublicKey(elastosKey));
    }

    /** A fresh certificate, signed by the profile key, that this device speaks for the profile. */
    Identity certifyDevice(Instant now) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("type", "device-certificate");
        payload.put("profile_did", profileDid().value());
        payload.put("device_did", deviceDid().value());
        payload.put("issued_at", now.truncatedTo(ChronoUnit.SECONDS).toString());
        Envelope certificate = Envelope.of(EnvelopeDomains.DEVICE_CERTIFICATE, payload,
                signEd25519(profileKey, Envelope.signingDigest(EnvelopeDomains.DEVICE_CERTIFICATE, payload)),
                profileDid());
        return new Identity(profileDid(), evmAddress(), elastosDid(), deviceDid(), certificate);
    }

    byte[] signAsProfile(byte[] message) {
        requireUnlocked();
        return signEd25519(profileKey, message);
    }

    byte[] signAsDevice(byte[] message) {
        requireUnlocked();
        return signEd25519(deviceKey, message);
    }

    ECKeyPair evmKey() {
        requireUnlocked();
        return evmKey;
    }

    /** The secret half of the vault file: the seed, then the device key. */
    byte[] secretBytes() {
        requireUnlocked();
        byte[] out = Arrays.copyOf(seed, SEED_BYTES + DEVICE_KEY_BYTES);
        System.arraycopy(deviceKey, 0, out, SEED_BYTES, DEVICE_KEY_BYTES);
        return out;
    }

    static KeyRing fromSecretBytes(byte[] secret) {
        if (secret.length != SEED_BYTES + DEVICE_KEY_BYTES) {
            throw new IllegalArgumentException("the vault secret has " + secret.length + " bytes, expected 96");
        }
        return new KeyRing(Arrays.copyOf(secret, SEED_BYTES), Arrays.copyOfRange(secret, SEED_BYTES, secret.length));
    }

    /**
     * Clears the byte arrays. The EVM key sits in web3j's {@link ECKeyPair} as an immutable BigInteger, which Java
     * cannot clear; it becomes garbage with this object.
     */
    void wipe() {
        wiped = true;
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(deviceKey, (byte) 0);
        Arrays.fill(profileKey, (byte) 0);
        Arrays.fill(elastosKey, (byte) 0);
    }

    private void requireUnlocked() {
        if (wiped) {
            throw new WalletLockedException("the wallet is locked; unlock it with your password to sign");
        }
    }

    private static DidKey didOf(byte[] ed25519PrivateKey) {
        return DidKey.fromEd25519PublicKey(new Ed25519PrivateKeyParameters(ed25519PrivateKey, 0).generatePublicKey().getEncoded());
    }

    private static byte[] signEd25519(byte[] privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static byte[] take(ExtendedKey key) {
        byte[] out = key.privateKey();
        key.wipe();
        return out;
    }
}
