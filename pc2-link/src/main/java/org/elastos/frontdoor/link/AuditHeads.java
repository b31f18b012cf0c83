package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.audit.AuditCheckpoint;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The newest signed checkpoint of each paired box's audit log this device has seen, one file per box. A box whose
 * log later ends before it, or holds another entry where it pointed, was cut short or rewritten; the file is what
 * {@code frontdoor box audit verify --head} takes to prove it.
 */
public final class AuditHeads {
    /** What a fresh checkpoint from the box says against the one kept. */
    public enum Check {
        /** The first one seen, or newer than the one kept: kept now. */
        ADVANCED,
        /** The same as the one kept. */
        SAME,
        /** The box's log now ends before the kept checkpoint: it was cut short. The kept one stays. */
        BEHIND,
        /** The box signed another hash for the same entry: its log was rewritten. The kept one stays. */
        FORKED
    }

    private final Path folder;

    public AuditHeads(Path folder) {
        this.folder = folder;
    }

    public Path fileOf(DidKey box) {
        return folder.resolve(box.fingerprint() + ".json");
    }

    public Optional<AuditCheckpoint> kept(DidKey box) {
        Path file = fileOf(box);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AuditCheckpoint.verify(Envelope.read(file), box));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** Compares a checkpoint the box just gave with the one kept, and keeps it if it is newer. */
    public Check keep(DidKey box, Envelope envelope) {
        AuditCheckpoint fresh = AuditCheckpoint.verify(envelope, box);
        Optional<AuditCheckpoint> kept = kept(box);
        if (kept.isPresent()) {
            long before = kept.get().head().seq();
            if (fresh.head().seq() < before) {
                return Check.BEHIND;
            }
            if (fresh.head().seq() == before) {
                return fresh.head().hash().equals(kept.get().head().hash()) ? Check.SAME : Check.FORKED;
            }
        }
        try {
            Files.createDirectories(folder);
            AtomicFile.write(fileOf(box), envelope.toJsonString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the box's audit checkpoint in " + folder, e);
        }
        return Check.ADVANCED;
    }
}
