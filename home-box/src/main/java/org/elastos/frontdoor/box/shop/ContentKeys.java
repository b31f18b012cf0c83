package org.elastos.frontdoor.box.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.hostkey.MachineSeed;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The content keys of what the box sells, in {@code content-keys.json}: each one sealed with AES-256-GCM under a key
 * only the box's machine seed gives ({@code content-keys.key}), bound to its content id, written atomically under a
 * lock (the command line adds films beside a running box). No key is ever written, logged or sent in the clear: it
 * leaves here only to be sealed inside a license.
 */
final class ContentKeys {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NONCE = 12;

    private final Path file;
    private final byte[] wrapKey;
    private final SecureRandom random = new SecureRandom();

    private ContentKeys(Path file, byte[] wrapKey) {
        this.file = file;
        this.wrapKey = wrapKey;
    }

    static ContentKeys in(Path data) {
        return new ContentKeys(data.resolve("content-keys.json"),
                MachineSeed.loadOrCreate(data.resolve("content-keys.key"), "content_key_wrap", new SecureRandom()));
    }

    /** A fresh random key for a new item; the caller keeps it only until it is stored here. */
    byte[] fresh() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return key;
    }

    synchronized void store(byte[] contentId, byte[] key) {
        locked(() -> {
            ObjectNode all = read();
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, contentId, key);
            all.put(HexFormat.of().formatHex(contentId), Base64.getEncoder().encodeToString(concat(nonce, sealed)));
            try {
                AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save " + file, e);
            }
        });
    }

    /** Forgets the key of an item taken back out of the shop before anyone could buy it. */
    synchronized void forget(byte[] contentId) {
        locked(() -> {
            ObjectNode all = read();
            if (all.remove(HexFormat.of().formatHex(contentId)) == null) {
                return;
            }
            try {
                AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save " + file, e);
            }
        });
    }

    /** The key of {@code contentId}, if the box holds one; the caller wipes it after sealing it. */
    synchronized Optional<byte[]> open(byte[] contentId) {
        JsonNode sealed = read().get(HexFormat.of().formatHex(contentId));
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.asText());
        return Optional.of(crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE), contentId, Arrays.copyOfRange(bytes, NONCE, bytes.length)));
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] contentId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(wrapKey, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(contentId);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " holds a key that does not open: it was damaged or edited", e);
        }
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException(file + " is damaged; the box sells nothing it cannot open", e);
        }
    }

    private void locked(Runnable change) {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            change.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lock, e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
