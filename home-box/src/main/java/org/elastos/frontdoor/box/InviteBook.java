package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.Sha256;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;

/**
 * The invites this box has made, by the digest of their secret (never the secret itself), with their expiry and
 * whether they were used. Kept in {@code invites.json}, rewritten atomically, and read again on each use, so an
 * invite made by {@code frontdoor box invite} while the box runs is honoured at once. An invite works once.
 */
public final class InviteBook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public InviteBook(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public synchronized void remember(PairingInvite invite) {
        locked(() -> {
            ObjectNode book = read();
            dropExpired(book);
            book.putObject(invite.secretDigest()).put("expires_at", invite.expiresAt().toString()).put("used", false);
            write(book);
        });
    }

    /**
     * Spends the invite whose secret this is.
     *
     * @throws InviteRefusedException when the box never made it, it expired, or it was already used
     */
    public synchronized void use(byte[] secret) {
        locked(() -> spend(secret));
    }

    private void spend(byte[] secret) {
        String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(secret));
        ObjectNode book = read();
        JsonNode entry = book.get(digest);
        if (entry == null) {
            throw new InviteRefusedException(InviteRefusedException.Reason.NOT_FOR_THIS_BOX,
                    "this box did not make that invite; scan the code this box shows");
        }
        if (entry.path("used").asBoolean()) {
            throw new InviteRefusedException(InviteRefusedException.Reason.ALREADY_USED,
                    "that invite was already used; make a fresh one on the box (frontdoor box invite)");
        }
        if (!clock.instant().isBefore(Instant.parse(entry.path("expires_at").asText()))) {
            throw new InviteRefusedException(InviteRefusedException.Reason.EXPIRED,
                    "that invite has expired; make a fresh one on the box (frontdoor box invite)");
        }
        ((ObjectNode) entry).put("used", true);
        write(book);
    }

    /** The box and `frontdoor box invite` may change the book at the same moment; a file lock orders them. */
    private void locked(Runnable change) {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            change.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lock, e);
        }
    }

    private void dropExpired(ObjectNode book) {
        Instant now = clock.instant();
        for (Iterator<JsonNode> entries = book.elements(); entries.hasNext(); ) {
            if (!now.isBefore(Instant.parse(entries.next().path("expires_at").asText()).plusSeconds(86_400))) {
                entries.remove();
            }
        }
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException(file + " is damaged; move it aside and make a fresh invite", e);
        }
    }

    private void write(ObjectNode book) {
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(book));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
