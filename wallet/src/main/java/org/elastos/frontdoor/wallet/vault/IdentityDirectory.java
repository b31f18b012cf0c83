package org.elastos.frontdoor.wallet.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The identities on this device: one vault folder each under {@code identities/}, and a note of which one the app
 * opens. A new identity gets a fresh folder, so creating or restoring one never touches another.
 */
public final class IdentityDirectory {
    private static final String CURRENT = "current-identity";

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    public IdentityDirectory(Path dataDir) {
        this.root = dataDir;
    }

    public Path root() {
        return root;
    }

    /** The vaults that exist, oldest folder name first. */
    public List<Vault> vaults() {
        Path identities = root.resolve("identities");
        if (!Files.isDirectory(identities)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(identities)) {
            return dirs.filter(dir -> Files.exists(dir.resolve(Vault.FILE_NAME))).sorted().map(Vault::at).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list identities in " + identities, e);
        }
    }

    /** A new, empty folder for the next identity's vault. */
    public Vault newVault() {
        byte[] id = new byte[4];
        random.nextBytes(id);
        return Vault.at(root.resolve("identities").resolve("id-" + HexFormat.of().formatHex(id)));
    }

    /** The identity the app opens: the one chosen last, else the first that exists. */
    public Optional<Vault> current() {
        Path pointer = root.resolve(CURRENT);
        if (Files.exists(pointer)) {
            try {
                String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
                Vault chosen = Vault.at(root.resolve("identities").resolve(name));
                if (!name.isEmpty() && !name.contains("/") && !name.contains("\\") && chosen.exists()) {
                    return Optional.of(chosen);
                }
            } catch (IOException e) {
                // An unreadable pointer only loses the preference; fall back to the first identity.
            }
        }
        return vaults().stream().findFirst();
    }

    public void makeCurrent(Vault vault) {
        try {
            AtomicFile.write(root.resolve(CURRENT), vault.file().getParent().getFileName().toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the current identity in " + root, e);
        }
    }
}
