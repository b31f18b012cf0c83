package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.wallet.audit.AuditVerdict;
import org.elastos.frontdoor.wallet.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real box whose data folder is on a real, small file system: once a stranger could fill the disk through the
 * audit log and stop the box for good, its owner included. Now the log keeps no torn line, the box answers every
 * request while the disk is full, and it serves again as soon as there is room.
 */
class BoxOnAFullDiskTest {
    @TempDir
    Path dir;

    private static HomeBox start(Path data, BoxLimits limits) throws Exception {
        return HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty(),
                Clock.systemUTC(), limits);
    }

    @Test
    void aFullDiskNeverStopsTheBoxAndItServesAgainOnceThereIsRoom() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 16);
             HomeBox box = start(disk.root().resolve("box"), BoxUnderAttackTest.QUICK);
             BoxClient owner = BoxUnderAttackTest.pairOwner(box, Stranger.freshKey(dir, "owner"))) {
            assertEquals(List.of(), owner.list("Films"));
            disk.fill();
            BoxRefusedException refused = null;
            for (int i = 0; i < 50 && refused == null; i++) {
                try {
                    owner.list("Films");
                } catch (BoxRefusedException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null, "the box refuses what it cannot log");
            assertEquals(503, refused.status());
            assertEquals(BoxRefusal.AUDIT_UNAVAILABLE, refused.reason());

            try (Stranger stranger = Stranger.connect(box, Stranger.freshKey(dir, "stranger"))) {
                for (int i = 0; i < 100; i++) {
                    LinkHttp.Response response = stranger.request("GET", "/list?path=Films/" + "x".repeat(4000));
                    assertTrue(response.status() >= 400, "every request is still answered");
                }
            }
            disk.free();
            assertEquals(List.of(), owner.list("Films"), "served again once there is room");
            box.flushAudit();
            assertInstanceOf(AuditVerdict.Intact.class, box.audit().verify(), "no torn line was left in the log");
        }
    }

    @Test
    void uploadsAreRefusedBeforeTheyEatTheRoomKeptForTheAuditLog() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 16);
             HomeBox box = start(disk.root().resolve("box"), BoxUnderAttackTest.QUICK.withDiskReserve(8L << 20));
             BoxClient owner = BoxUnderAttackTest.pairOwner(box, Stranger.freshKey(dir, "owner"))) {
            byte[] large = new byte[10 << 20];
            BoxRefusedException full = assertThrows(BoxRefusedException.class, () -> owner.upload("Films/large.mp4",
                    new ByteArrayInputStream(large), large.length, false, sent -> { }, () -> false));
            assertEquals(BoxRefusal.NO_ROOM, full.reason());
            owner.upload("Films/small.mp4", new ByteArrayInputStream(new byte[1 << 20]), 1 << 20, false, sent -> { }, () -> false);
            assertEquals(1, owner.list("Films").size());
        }
    }

    @Test
    void aTornLastLineFromAPowerCutIsSealedWhenTheBoxStarts() throws Exception {
        Path data = dir.resolve("box");
        try (HomeBox box = start(data, BoxUnderAttackTest.QUICK);
             BoxClient owner = BoxUnderAttackTest.pairOwner(box, Stranger.freshKey(dir, "owner"))) {
            owner.list("Films");
        }
        Files.write(data.resolve("audit.jsonl"), "{\"seq\":99,\"at\":\"2026-12-0".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        try (HomeBox box = start(data, BoxUnderAttackTest.QUICK)) {
            assertTrue(box.audit().entries().stream().anyMatch(e -> e.event().equals("sealed")), "the start says what it sealed");
            assertInstanceOf(AuditVerdict.Intact.class, box.audit().verify());
        }
    }
}
