package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The capsule publishers this user trusts, one DID per line in a file written atomically; or, for code that loads
 * only the capsules it ships, a fixed set no one can add to.
 */
public final class TrustStore {
    private final Path file;
    private final Set<DidKey> fixed;

    public TrustStore(Path file) {
        this.file = file;
        this.fixed = null;
    }

    private TrustStore(Set<DidKey> fixed) {
        this.file = null;
        this.fixed = Set.copyOf(fixed);
    }

    /** Trusts exactly this publisher, and cannot be changed. */
    public static TrustStore only(DidKey publisher) {
        return new TrustStore(Set.of(publisher));
    }

    public synchronized Set<DidKey> publishers() {
        if (fixed != null) {
            return fixed;
        }
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> !l.isEmpty())
                    .map(DidKey::parse).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted publishers in " + file, e);
        }
    }

    public boolean trusts(DidKey publisher) {
        return publishers().contains(publisher);
    }

    public synchronized void trust(DidKey publisher) {
        Set<String> next = new TreeSet<>(publishers().stream().map(DidKey::value).toList());
        next.add(publisher.value());
        save(next);
    }

    public synchronized void distrust(DidKey publisher) {
        Set<String> next = new TreeSet<>(publishers().stream().map(DidKey::value).toList());
        next.remove(publisher.value());
        save(next);
    }

    private void save(Set<String> dids) {
        if (fixed != null) {
            throw new UnsupportedOperationException("this trust store is fixed: it trusts " + fixed + " and no one else");
        }
        try {
            AtomicFile.write(file, (String.join("\n", dids) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trusted publishers in " + file, e);
        }
    }
}
