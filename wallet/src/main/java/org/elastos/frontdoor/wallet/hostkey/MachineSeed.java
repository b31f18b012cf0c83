package org.elastos.frontdoor.wallet.hostkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.util.encoders.Hex;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A 32-byte secret a daemon keeps for itself in a small JSON file ({@code {"version":1,"<field>":"<hex>"}}), made on
 * first use. Two processes starting at once end up with the same seed: the file is published whole or not at all,
 * and a file that is not such a seed is refused and left as it is.
 */
public final class MachineSeed {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private MachineSeed() {
    }

    /** @throws WalletException when the file exists but does not hold a version-1 seed under {@code field} */
    public static byte[] loadOrCreate(Path file, String field, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                byte[] seed = new byte[32];
                random.nextBytes(seed);
                ObjectNode body = JSON.createObjectNode().put("version", VERSION).put(field, Hex.toHexString(seed));
                try {
                    AtomicFile.createNew(file, (body + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (FileAlreadyExistsException raced) {
                    // Another process made it first; use theirs.
                }
            }
            JsonNode body = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            String seed = body.path(field).asText("");
            if (body.path("version").asInt() != VERSION || !seed.matches("[0-9a-f]{64}")) {
                throw new WalletException(file + " does not hold a 32-byte " + field + " (version " + VERSION
                        + "); it was left as it is");
            }
            return Hex.decode(seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
