package org.elastos.frontdoor.views.box;

import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Home's box card logic without a screen: status, browsing, download and upload against a real box. */
class BoxViewModelTest {
    @TempDir
    Path dir;
    private HomeBox box;
    private BoxViewModel model;

    @BeforeEach
    void pairAndOpen() throws Exception {
        box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
        HostKey device = HostKey.loadOrCreate(dir.resolve("device.key"), new SecureRandom());
        PairedBoxes paired = new PairedBoxes(dir.resolve("paired-boxes.json"));
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        try (BoxClient client = BoxClient.connect(invite.endpoints().get(0), box.did(), device)) {
            BoxClient.Enrollment enrollment = client.pair(invite, "Laptop");
            paired.save(new PairedBoxes.PairedBox(box.did(), box.name(), invite.endpoints(), enrollment.token(), enrollment.role()));
        }
        model = new BoxViewModel(TaskRunner.synchronous(), () -> device, paired);
    }

    @AfterEach
    void stop() {
        model.shutdown();
        box.close();
    }

    @Test
    void showsTheBoxOnlineWithItsFoldersAndDownloadsAFileWhole() throws Exception {
        byte[] film = new byte[2 * 1024 * 1024 + 5];
        new Random(3).nextBytes(film);
        Files.write(dir.resolve("box").resolve("Films").resolve("sintel.mp4"), film);

        model.refresh();
        assertEquals(BoxViewModel.Status.ONLINE, model.statusProperty().get(), model.detailProperty().get());
        assertTrue(model.detailProperty().get().startsWith("Online \u00b7 direct"), model.detailProperty().get());
        assertEquals(5, model.entries().size());

        model.open(model.entries().get(2));
        assertEquals("Films", model.folderProperty().get());
        BoxClient.Entry entry = model.entries().get(0);
        Path target = dir.resolve("downloads").resolve("sintel.mp4");
        Files.createDirectories(target.getParent());
        model.download(entry, target);
        assertArrayEquals(film, Files.readAllBytes(target));
        assertEquals(-1, model.progressProperty().get());
        assertTrue(Files.notExists(target.resolveSibling("sintel.mp4.part")));
    }

    @Test
    void uploadsIntoTheOpenFolderOnly() throws Exception {
        Path local = Files.writeString(dir.resolve("notes.txt"), "shopping list");
        model.refresh();
        model.upload(local);
        assertTrue(model.messageProperty().get().contains("folders first"), model.messageProperty().get());

        model.open(model.entries().get(3));
        model.upload(local);
        assertEquals("Uploaded notes.txt.", model.messageProperty().get());
        assertEquals("notes.txt", model.entries().get(0).name());
        assertEquals("shopping list", Files.readString(dir.resolve("box").resolve("Documents").resolve("notes.txt")));
    }

    @Test
    void saysOfflineWithTheReasonWhenTheBoxIsGone() {
        box.close();
        model.refresh();
        assertEquals(BoxViewModel.Status.OFFLINE, model.statusProperty().get());
        assertTrue(model.detailProperty().get().startsWith("Offline"), model.detailProperty().get());
    }
}
