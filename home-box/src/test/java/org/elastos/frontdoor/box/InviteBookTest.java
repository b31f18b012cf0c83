package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The box's book of invites on its own: each works once, before it expires, and survives a restart. */
class InviteBookTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private PairingInvite invite(Instant expires) {
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), RANDOM);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new PairingInvite(box.did(), "Home box", List.of(URI.create("tls://127.0.0.1:4433")), secret, expires);
    }

    private InviteBook book(Instant now) {
        return new InviteBook(dir.resolve("invites.json"), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static InviteRefusedException.Reason refusal(InviteBook book, PairingInvite invite) {
        return assertThrows(InviteRefusedException.class, () -> book.use(invite.secret())).reason();
    }

    @Test
    void anInviteWorksOnceAndOnlyOnce() {
        PairingInvite invite = invite(T0.plus(Duration.ofMinutes(10)));
        book(T0).remember(invite);
        assertDoesNotThrow(() -> book(T0).use(invite.secret()));
        assertEquals(InviteRefusedException.Reason.ALREADY_USED, refusal(book(T0), invite));
    }

    @Test
    void anUnusedInviteSurvivesARestartOfTheBox() {
        PairingInvite kept = invite(T0.plus(Duration.ofMinutes(10)));
        PairingInvite spent = invite(T0.plus(Duration.ofMinutes(10)));
        InviteBook before = book(T0);
        before.remember(kept);
        before.remember(spent);
        before.use(spent.secret());

        InviteBook after = book(T0.plusSeconds(60));
        assertDoesNotThrow(() -> after.use(kept.secret()));
        assertEquals(InviteRefusedException.Reason.ALREADY_USED, refusal(after, spent), "a used invite stays used");
    }

    @Test
    void anInviteIsRefusedFromTheInstantItExpires() {
        Instant expires = T0.plus(Duration.ofMinutes(10));
        PairingInvite atExpiry = invite(expires);
        book(T0).remember(atExpiry);
        assertEquals(InviteRefusedException.Reason.EXPIRED, refusal(book(expires), atExpiry));

        PairingInvite justBefore = invite(expires);
        book(T0).remember(justBefore);
        assertDoesNotThrow(() -> book(expires.minusMillis(1)).use(justBefore.secret()));
    }

    @Test
    void anInviteTheBoxNeverMadeIsRefused() {
        book(T0).remember(invite(T0.plusSeconds(600)));
        assertEquals(InviteRefusedException.Reason.NOT_FOR_THIS_BOX, refusal(book(T0), invite(T0.plusSeconds(600))));
    }

    @Test
    void invitesADayPastTheirExpiryAreForgottenAndYoungerOnesKept() throws IOException {
        Instant expired = T0.plus(Duration.ofMinutes(10));
        PairingInvite old = invite(expired);
        PairingInvite recent = invite(expired);
        book(T0).remember(old);
        book(T0.plus(Duration.ofHours(2))).remember(recent);

        // A day after both expired, to the second, a new invite sweeps the book: both go.
        PairingInvite fresh = invite(expired.plus(Duration.ofDays(2)));
        book(expired.plus(Duration.ofDays(1))).remember(fresh);
        String kept = Files.readString(dir.resolve("invites.json"));
        assertFalse(kept.contains(old.secretDigest()), "expired a day ago: dropped");
        assertFalse(kept.contains(recent.secretDigest()));
        assertTrue(kept.contains(fresh.secretDigest()));

        // Less than a day after expiry, an invite is kept, so its refusal still says "expired" rather than "unknown".
        PairingInvite young = invite(expired.plus(Duration.ofDays(2)));
        book(T0).remember(young);
        book(expired.plus(Duration.ofDays(3)).minusSeconds(1)).remember(invite(expired.plus(Duration.ofDays(4))));
        assertEquals(InviteRefusedException.Reason.EXPIRED, refusal(book(expired.plus(Duration.ofDays(3))), young));
    }

    @Test
    void aDamagedBookIsReportedAndLeftAsItWas() throws IOException {
        Files.writeString(dir.resolve("invites.json"), "[1, 2]");
        PairingInvite invite = invite(T0.plusSeconds(600));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> book(T0).remember(invite));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
        assertEquals("[1, 2]", Files.readString(dir.resolve("invites.json")));
    }
}
