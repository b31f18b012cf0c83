package org.elastos.frontdoor.views.pair;

import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pairing screen's logic without a screen, against a real box on loopback. */
class PairViewModelTest {
    @TempDir
    Path dir;
    private HomeBox box;
    private PairedBoxes paired;
    private HostKey device;

    @BeforeEach
    void startBox() throws Exception {
        box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
        paired = new PairedBoxes(dir.resolve("paired-boxes.json"));
        device = HostKey.loadOrCreate(dir.resolve("device.key"), new SecureRandom());
    }

    @AfterEach
    void stopBox() {
        box.close();
    }

    private PairViewModel model(Clock clock) {
        return new PairViewModel(TaskRunner.synchronous(), () -> device, paired, "Test laptop", clock);
    }

    @Test
    void pairsFromThePictureAfterTheBoxIsConfirmedAndRemembersIt() {
        Path png = box.writePairingQr(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        PairViewModel model = model(Clock.systemUTC());
        model.usePicture(png);
        assertEquals(PairViewModel.Status.CONFIRM, model.statusProperty().get());
        assertEquals(box.did().fingerprint(), model.inviteProperty().get().fingerprint());
        assertTrue(paired.all().isEmpty(), "nothing is paired before the person confirms");

        model.confirm();
        assertEquals(PairViewModel.Status.PAIRED, model.statusProperty().get(), model.messageProperty().get());
        assertEquals("owner", paired.first().orElseThrow().role());
        assertTrue(paired.first().orElseThrow().token().isPresent());
        assertEquals("direct", model.pathProperty().get());
    }

    @Test
    void explainsPicturesWithoutACodeAndFilesThatAreNotPictures() throws Exception {
        PairViewModel model = model(Clock.systemUTC());
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        model.usePicture(blank);
        assertEquals(PairViewModel.Status.FAILED, model.statusProperty().get());
        assertTrue(model.messageProperty().get().startsWith("No pairing code found"), model.messageProperty().get());

        Path text = Files.writeString(dir.resolve("notes.txt"), "not a picture");
        model.usePicture(text);
        assertTrue(model.messageProperty().get().contains("is not a picture"), model.messageProperty().get());

        model.useLink("https://example.com/pair");
        assertTrue(model.messageProperty().get().contains("not a pairing invite"), model.messageProperty().get());
    }

    @Test
    void refusesAnExpiredInviteBeforeConnecting() {
        String link = box.inviteLink(box.invite(Duration.ofMinutes(1)));
        PairViewModel model = model(Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        model.useLink(link);
        assertEquals(PairViewModel.Status.FAILED, model.statusProperty().get());
        assertTrue(model.messageProperty().get().contains("expired"), model.messageProperty().get());
        assertTrue(box.devices().isEmpty());
    }

    @Test
    void findsTheBoxByTheCodeTypedFromItsScreen() throws Exception {
        try (CarrierRelay relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
             HomeBox relayed = HomeBox.start(dir.resolve("relayed"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     Optional.of(relay.address()), Clock.systemUTC())) {
            String code = relayed.invitation(HomeBox.DEFAULT_INVITE_LIFETIME).code().orElseThrow().toString();
            PairViewModel model = model(Clock.systemUTC());
            model.useCode(code, "127.0.0.1:" + relay.address().getPort());
            assertEquals(PairViewModel.Status.CONFIRM, model.statusProperty().get(), model.messageProperty().get());
            assertEquals(relayed.did(), model.inviteProperty().get().boxDid());
            model.confirm();
            assertEquals(PairViewModel.Status.PAIRED, model.statusProperty().get(), model.messageProperty().get());

            model.startOver();
            model.useCode("K7QF-9XM2", "127.0.0.1:" + relay.address().getPort());
            assertTrue(model.messageProperty().get().contains("12 characters"), model.messageProperty().get());
            model.useCode(code, "no port here");
            assertEquals(PairViewModel.Status.FAILED, model.statusProperty().get());
        }
    }

    @Test
    void saysSoWhenTheInviteWasAlreadyUsed() {
        String link = box.inviteLink(box.invite(HomeBox.DEFAULT_INVITE_LIFETIME));
        PairViewModel first = model(Clock.systemUTC());
        first.useLink(link);
        first.confirm();
        device = HostKey.loadOrCreate(dir.resolve("second.key"), new SecureRandom());
        PairViewModel second = model(Clock.systemUTC());
        second.useLink(link);
        second.confirm();
        assertEquals(PairViewModel.Status.FAILED, second.statusProperty().get());
        assertTrue(second.messageProperty().get().contains("already used"), second.messageProperty().get());
    }
}
