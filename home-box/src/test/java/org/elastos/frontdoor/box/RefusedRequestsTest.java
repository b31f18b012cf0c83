package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refusal is the whole answer: what a device was refused was not carried out as well. And what the box decided
 * (devices, approvals, revocations, invites not yet used) is still decided after it restarts.
 */
class RefusedRequestsTest {
    private static final byte[] PHOTO = "a cat, honestly".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Path data;
    private HomeBox box;

    @BeforeEach
    void startBox() throws IOException {
        data = dir.resolve("box");
        box = start();
    }

    @AfterEach
    void stopBox() {
        box.close();
    }

    private HomeBox start() throws IOException {
        return HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
    }

    private HostKey device(String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom());
    }

    private BoxClient pair(HostKey device, String name) {
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        BoxClient client = BoxClient.connect(invite.endpoints().get(0), box.did(), device);
        client.pair(invite, name);
        return client;
    }

    private BoxClient reconnect(HostKey device, String token) {
        return BoxClient.connect(box.endpoints().get(0), box.did(), device).withToken(token);
    }

    private static BoxRefusal refusal(Runnable request) {
        return assertThrows(BoxRefusedException.class, request::run).reason();
    }

    private List<String> filesIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void upload(BoxClient client, String path) {
        client.upload(path, new ByteArrayInputStream(PHOTO), PHOTO.length, false, sent -> { }, () -> false);
    }

    @Test
    void aRefusedUploadLeavesNothingOnTheBox() throws IOException {
        HostKey laptop = device("laptop");
        HostKey phone = device("phone");
        try (BoxClient owner = pair(laptop, "Laptop"); BoxClient waiting = pair(phone, "Phone")) {
            assertEquals(BoxRefusal.AWAITING_APPROVAL, refusal(() -> upload(waiting, "Photos/cat.jpg")));
            assertEquals(List.of(), filesIn("Photos"), "a device awaiting approval wrote nothing");

            owner.approve(phone.did());
            assertFalse(waiting.enrollment().pending(), "the phone picks up its member token");
            assertEquals(BoxRefusal.NOT_ALLOWED, refusal(() -> upload(waiting, "Photos/cat.jpg")));
            assertEquals(List.of(), filesIn("Photos"), "a member, who may only read, wrote nothing");

            upload(owner, "Photos/cat.jpg");
            assertEquals(List.of("cat.jpg"), filesIn("Photos"), "the owner may write");
        }
    }

    @Test
    void aRefusedListShowsNoNames() throws IOException {
        Files.write(data.resolve("Photos").resolve("cat.jpg"), PHOTO);
        try (BoxClient owner = pair(device("laptop"), "Laptop"); BoxClient waiting = pair(device("phone"), "Phone")) {
            BoxRefusedException refused = assertThrows(BoxRefusedException.class, () -> waiting.list("Photos"));
            assertEquals(403, refused.status());
            assertFalse(refused.getMessage().contains("cat.jpg"), refused.getMessage());
            assertEquals(List.of("cat.jpg"), owner.list("Photos").stream().map(BoxClient.Entry::name).toList());
        }
    }

    @Test
    void aMemberCannotRevokeOrApproveAndNothingChanges() throws IOException {
        HostKey laptop = device("laptop");
        HostKey phone = device("phone");
        HostKey tablet = device("tablet");
        try (BoxClient owner = pair(laptop, "Laptop"); BoxClient member = pair(phone, "Phone");
             BoxClient waiting = pair(tablet, "Tablet")) {
            owner.approve(phone.did());
            assertFalse(member.enrollment().pending());
            assertEquals(409, assertThrows(BoxRefusedException.class, () -> owner.approve(phone.did())).status(),
                    "only a device that waits can be approved");
            List<Device> before = box.devices();

            assertEquals(BoxRefusal.NOT_ALLOWED, refusal(() -> member.revoke(laptop.did())));
            assertEquals(BoxRefusal.NOT_ALLOWED, refusal(() -> member.approve(tablet.did())));
            assertEquals(BoxRefusal.AWAITING_APPROVAL, refusal(() -> waiting.approve(tablet.did())));
            assertEquals(stateOf(before), stateOf(box.devices()));
            assertEquals(List.of(), owner.list("Films"), "the owner was not revoked");
        }
    }

    @Test
    void aRestartedBoxKeepsItsDevicesApprovalsRevocationsAndUnusedInvites() throws IOException {
        HostKey laptop = device("laptop");
        HostKey phone = device("phone");
        HostKey tablet = device("tablet");
        HostKey late = device("late");
        String ownerToken;
        String phoneToken;
        String tabletToken;
        PairingInvite unused = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        try (BoxClient owner = pair(laptop, "Laptop"); BoxClient member = pair(phone, "Phone");
             BoxClient revoked = pair(tablet, "Tablet")) {
            owner.approve(phone.did());
            owner.approve(tablet.did());
            ownerToken = owner.enrollment().token().orElseThrow();
            phoneToken = member.enrollment().token().orElseThrow();
            tabletToken = revoked.enrollment().token().orElseThrow();
            owner.revoke(tablet.did());
        }
        List<String> before = stateOf(box.devices());
        box.close();
        box = start();

        assertEquals(before, stateOf(box.devices()));
        try (BoxClient owner = reconnect(laptop, ownerToken); BoxClient member = reconnect(phone, phoneToken)) {
            assertEquals(3, owner.devices().size(), "the owner is still owner");
            assertEquals(List.of(), member.list("Films"), "the approval held");
            assertEquals(BoxRefusal.NOT_ALLOWED, refusal(() -> member.devices()), "and is still a member's");
        }
        assertThrows(RuntimeException.class, () -> {
            try (BoxClient revoked = reconnect(tablet, tabletToken)) {
                revoked.list("Films");
            }
        }, "the revocation held");

        try (BoxClient client = BoxClient.connect(box.endpoints().get(0), box.did(), late)) {
            assertTrue(client.pair(unused, "Late").pending(), "the invite made before the restart still works, once");
        }
    }

    private static List<String> stateOf(List<Device> devices) {
        return devices.stream().map(d -> d.did().value() + " " + d.role() + " " + d.state() + " " + d.revocationId())
                .sorted().toList();
    }
}
