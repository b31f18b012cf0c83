package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.audit.AuditCheckpoint;
import org.elastos.frontdoor.wallet.audit.AuditHead;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The box's signed statements of where its audit log ends ({@link AuditCheckpoint}), made whenever the log has grown
 * since the last one (the box asks every minute, and as it stops), kept in {@code audit-head.json} and handed to
 * devices, which keep the newest: with one, {@code box audit verify --head} finds a log cut short or rewritten.
 */
final class AuditCheckpoints {
    private final AuditLog log;
    private final HostKey key;
    private final Path file;
    private final Clock clock;
    private Envelope latest;
    private AuditHead signed;

    AuditCheckpoints(AuditLog log, HostKey key, Path file, Clock clock) {
        this.log = log;
        this.key = key;
        this.file = file;
        this.clock = clock;
    }

    /** The newest checkpoint, if the box has made one. */
    synchronized Optional<Envelope> latest() {
        if (latest == null && Files.exists(file)) {
            try {
                latest = Envelope.read(file);
            } catch (IOException | RuntimeException damaged) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Signs the head if it moved since the last checkpoint. */
    synchronized void sign() {
        AuditHead head = log.head();
        if (head.equals(signed) || head.seq() == 0) {
            return;
        }
        Envelope envelope = AuditCheckpoint.of(key.did(), head, clock.instant()).sign(key);
        try {
            AtomicFile.write(file, envelope.toJsonString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        latest = envelope;
        signed = head;
    }
}
