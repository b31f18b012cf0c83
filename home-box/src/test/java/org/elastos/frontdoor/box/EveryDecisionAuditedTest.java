package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.InviteRefusedException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every grant and every denial a device meets is in the box's audit log, with who, what and the outcome. */
class EveryDecisionAuditedTest {
    @TempDir
    Path dir;
    private HomeBox box;

    @BeforeEach
    void startBox() throws IOException {
        box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
    }

    @AfterEach
    void stopBox() {
        box.close();
    }

    private HostKey device(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom());
    }

    private BoxClient connect(HostKey device) {
        return BoxClient.connect(box.endpoints().get(0), box.did(), device);
    }

    /** The one entry about {@code who} written since {@code after}, with this event and a detail containing this. */
    private AuditLog.Entry entry(long after, HostKey who, String event, String detail) {
        List<AuditLog.Entry> found = box.audit().entries().stream()
                .filter(e -> e.seq() > after && e.subject().equals(who.did().value()) && e.event().equals(event)
                        && e.detail().contains(detail)).toList();
        assertEquals(1, found.size(), () -> "one " + event + " \"" + detail + "\" for " + who.did() + " in " + box.audit().entries());
        return found.get(0);
    }

    private long last() {
        List<AuditLog.Entry> entries = box.audit().entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    }

    @Test
    void pairingGrantsAndItsRefusalsAreRecorded() {
        HostKey laptop = device("laptop");
        HostKey phone = device("phone");
        PairingInvite first = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        try (BoxClient owner = connect(laptop)) {
            owner.pair(first, "Laptop");
            entry(0, laptop, "grant", "enrolled \"Laptop\" as owner");
            long before = last();
            assertEquals(409, assertThrows(BoxRefusedException.class, () -> owner.pair(first, "Laptop")).status());
            entry(before, laptop, "deny", "pair: already active");
        }
        try (BoxClient waiting = connect(phone)) {
            long before = last();
            // Not yet a device: a stranger's refusals are counted into summaries (BoxUnderAttackTest), not each written.
            assertThrows(InviteRefusedException.class, () -> waiting.pair(first, "Phone"));
            waiting.pair(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME), "Phone");
            entry(before, phone, "pending", "\"Phone\" waits for an owner's approval");
        }
    }

    @Test
    void requestsAllowedAndRefusedAreRecordedWithTheirReason() throws IOException {
        HostKey laptop = device("laptop");
        HostKey phone = device("phone");
        Files.writeString(dir.resolve("box").resolve("Photos").resolve("cat.jpg"), "cat");
        try (BoxClient owner = connect(laptop); BoxClient member = connect(phone)) {
            owner.pair(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME), "Laptop");
            member.pair(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME), "Phone");

            long before = last();
            assertThrows(BoxRefusedException.class, () -> member.list("Photos"));
            entry(before, phone, "deny", "GET /list Photos: this device waits for an owner's approval");

            before = last();
            owner.info();
            entry(before, laptop, "allow", "GET /info");
            owner.list("Photos");
            entry(before, laptop, "allow", "GET /list Photos");
            Device seen = box.devices().stream().filter(d -> d.did().equals(laptop.did())).findFirst().orElseThrow();
            assertTrue(seen.lastSeen().isAfter(seen.enrolledAt()), "an allowed request marks the device as seen");

            owner.approve(phone.did());
            entry(before, laptop, "grant", "approved " + phone.did().value());
            member.enrollment();
            entry(before, phone, "grant", "token issued");

            before = last();
            assertThrows(BoxRefusedException.class, () -> member.devices());
            entry(before, phone, "deny", "the token does not allow admin of devices");
            assertThrows(BoxRefusedException.class, () -> member.read("Photos/../box.key", 0));
            entry(before, phone, "deny", "GET /file: a path cannot step out");

            before = last();
            byte[] photo = "a dog".getBytes();
            owner.upload("Photos/dog.jpg", new ByteArrayInputStream(photo), photo.length, false, sent -> { }, () -> false);
            entry(before, laptop, "allow", "PUT /file Photos/dog.jpg");

            before = last();
            owner.revoke(phone.did());
            entry(before, laptop, "revoke", phone.did().value() + " (\"Phone\")");
        }
        assertEquals(Optional.empty(), box.audit().firstBrokenEntry());
    }
}
