package org.elastos.frontdoor.wallet.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.did.ElastosDid;
import org.elastos.frontdoor.wallet.envelope.CanonicalJson;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;

import org.elastos.frontdoor.wallet.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The vault's on-disk form (format {@code elastos.frontdoor.vault}, version 1): the public identity in clear, so
 * the app can show who you are while locked, and the seed and device key sealed with AES-256-GCM under an
 * Argon2id key. Everything but the ciphertext is authenticated as GCM's associated data, so editing the public
 * part is caught at unlock.
 */
record VaultFile(Identity identity, KdfParams kdf, byte[] salt, byte[] nonce, byte[] keyCheck, byte[] secret) {
    static final String FORMAT = "elastos.frontdoor.vault";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    byte[] toBytes() {
        ObjectNode root = header();
        root.put("kdf_check", b64(kdfCheck(root.get("kdf"))));
        root.put("secret", b64(secret));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a vault is always writable JSON", e);
        }
    }

    /** The associated data GCM authenticates: the canonical JSON of everything except the ciphertext. */
    byte[] associatedData() {
        return CanonicalJson.of(header());
    }

    private ObjectNode header() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode id = root.putObject("identity");
        id.put("did", identity.did().value());
        id.put("evm_address", identity.evmAddress().value());
        id.put("elastos_did", identity.elastosDid().value());
        id.put("device_did", identity.deviceDid().value());
        id.set("device_certificate", identity.deviceCertificate().toJson());
        ObjectNode k = root.putObject("kdf");
        k.put("name", "argon2id");
        k.put("version", 19);
        k.put("memory_kib", kdf.memoryKib());
        k.put("iterations", kdf.iterations());
        k.put("parallelism", kdf.parallelism());
        k.put("salt", b64(salt));
        ObjectNode c = root.putObject("cipher");
        c.put("name", "aes-256-gcm");
        c.put("nonce", b64(nonce));
        root.put("key_check", b64(keyCheck));
        return root;
    }

    /** @throws VaultDamagedException naming the first thing that is wrong; never partially trusts a file */
    static VaultFile parse(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw damaged("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw damaged("it is empty or not a JSON object", null);
        }
        if (!FORMAT.equals(text(root, "format"))) {
            throw damaged("it is not an elastOS vault (format is not " + FORMAT + ")", null);
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw damaged("its format version " + version + " is not one this app reads (expected " + VERSION
                    + "); a newer app may have written it", null);
        }
        try {
            JsonNode id = object(root, "identity");
            Envelope certificate = Envelope.parse(object(id, "device_certificate").toString());
            Identity identity = new Identity(DidKey.parse(text(id, "did")), new EvmAddress(text(id, "evm_address")),
                    new ElastosDid(text(id, "elastos_did")), DidKey.parse(text(id, "device_did")), certificate);
            checkCertificate(identity);

            JsonNode k = object(root, "kdf");
            if (!"argon2id".equals(text(k, "name")) || k.path("version").asInt() != 19) {
                throw damaged("its key derivation is not Argon2id version 19", null);
            }
            if (root.has("kdf_check") && !Arrays.equals(bytes(root, "kdf_check", 32), kdfCheck(k))) {
                throw damaged("its key-derivation settings were changed after it was written, so no password can open"
                        + " it as it is", null);
            }
            KdfParams kdf = new KdfParams(k.path("memory_kib").asInt(), k.path("iterations").asInt(),
                    k.path("parallelism").asInt());
            JsonNode c = object(root, "cipher");
            if (!"aes-256-gcm".equals(text(c, "name"))) {
                throw damaged("its cipher is not AES-256-GCM", null);
            }
            return new VaultFile(identity, kdf, bytes(k, "salt", 16), bytes(c, "nonce", 12),
                    bytes(root, "key_check", 32), bytes(root, "secret", KeyRing.SEED_BYTES + KeyRing.DEVICE_KEY_BYTES + 16));
        } catch (VaultDamagedException e) {
            throw e;
        } catch (WalletException | IllegalArgumentException e) {
            throw damaged(e.getMessage(), e);
        }
    }

    /**
     * A digest of the key-derivation settings, written beside them, so a changed setting is reported as damage
     * rather than as a wrong password (the key check cannot tell the two apart). Older vaults have none. It needs no
     * secret and is not part of the associated data: it tells damage from a typo, it does not stop a forger.
     */
    private static byte[] kdfCheck(JsonNode kdf) {
        return Sha256.of("elastos.frontdoor.vault.kdf-check".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
                CanonicalJson.of(kdf));
    }

    private static void checkCertificate(Identity identity) {
        Envelope certificate = identity.deviceCertificate();
        DidKey signer = certificate.verify(EnvelopeDomains.DEVICE_CERTIFICATE);
        JsonNode payload = certificate.payload();
        if (!signer.equals(identity.did())
                || !identity.did().value().equals(payload.path("profile_did").asText())
                || !identity.deviceDid().value().equals(payload.path("device_did").asText())) {
            throw damaged("its device certificate does not match its identity", null);
        }
    }

    private static JsonNode object(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw damaged("the \"" + name + "\" section is missing", null);
        }
        return node;
    }

    private static String text(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual()) {
            throw damaged("the \"" + name + "\" field is missing", null);
        }
        return node.asText();
    }

    private static byte[] bytes(JsonNode parent, String name, int length) {
        byte[] value;
        try {
            value = Base64.getDecoder().decode(text(parent, name));
        } catch (IllegalArgumentException e) {
            throw damaged("the \"" + name + "\" field is not base64", e);
        }
        if (value.length != length) {
            throw damaged("the \"" + name + "\" field has " + value.length + " bytes, expected " + length, null);
        }
        return value;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static VaultDamagedException damaged(String why, Throwable cause) {
        return new VaultDamagedException("The vault file cannot be read: " + why + ". It has been left untouched;"
                + " if you cannot repair it, restore your identity from its recovery phrase into a new folder.", cause);
    }
}
