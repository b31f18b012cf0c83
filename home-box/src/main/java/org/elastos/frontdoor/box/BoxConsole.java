package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.InviteQr;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.audit.AuditCheckpoint;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.audit.AuditVerdict;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the box shows on its terminal, and the work behind {@code frontdoor box invite} and {@code box audit verify},
 * which act on a box's data folder whether or not the box is running.
 */
public final class BoxConsole {
    private BoxConsole() {
    }

    /** The code drawn in text, the link on a line of its own, and where the PNG was written. */
    public static void showInvite(PrintStream out, String boxName, String fingerprint, String link, Path png,
                                  HomeBox.Invitation invitation) {
        PairingInvite invite = invitation.invite();
        out.println();
        out.print(InviteQr.terminal(link));
        out.println();
        out.println("Pair a device with " + boxName + " (box " + fingerprint + "): scan the code above, open "
                + png + ", or paste this link:");
        out.println(link);
        String relay = invite.endpoints().stream().filter(e -> "relay".equals(e.getScheme())).findFirst()
                .map(e -> e.getHost() + ":" + e.getPort()).orElse("");
        invitation.code().ifPresent(code -> out.println("Or type this code in the app: " + code + "   relay " + relay));
        out.println("This invite works once and expires at " + invite.expiresAt() + ". Make another with: frontdoor box invite");
        out.flush();
    }

    /** A fresh invite for the box whose data folder this is, reachable at {@code endpoints}. */
    public static HomeBox.Invitation newInvite(Path data, List<URI> endpoints, Duration lifetime, PrintStream out) {
        BoxState state = HomeBox.open(data, Clock.systemUTC());
        HomeBox.Invitation invitation = HomeBox.invite(state, endpoints, lifetime, Clock.systemUTC());
        Path png = HomeBox.writePairingQr(state, invitation.invite(), data);
        showInvite(out, state.name(), state.key().did().fingerprint(), invitation.invite().link(state.key()), png, invitation);
        return invitation;
    }

    /**
     * Checks the audit log of the box at {@code data}: its chain and, given a checkpoint a device kept, that the log
     * still holds it.
     *
     * @throws org.elastos.frontdoor.wallet.envelope.EnvelopeRejectedException when the checkpoint is not one this box
     *     signed
     */
    public static AuditVerdict verifyAudit(Path data, Optional<Path> head) throws IOException {
        AuditLog log = new AuditLog(data.resolve("audit.jsonl"), Clock.systemUTC());
        if (head.isEmpty()) {
            return log.verify();
        }
        DidKey box = HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()).did();
        return log.verify(AuditCheckpoint.verify(Envelope.read(head.get()), box).head());
    }

    /** The endpoints the running box at {@code data} announced, from {@code box-endpoints.json}. */
    public static List<URI> announcedEndpoints(Path data) {
        return HomeBox.announcedEndpoints(data);
    }
}
