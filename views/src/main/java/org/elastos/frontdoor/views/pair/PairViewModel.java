package org.elastos.frontdoor.views.pair;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.InviteQr;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.link.PairedBoxes;
import org.elastos.frontdoor.link.PairingBeacon;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.ShortCode;
import org.elastos.frontdoor.views.Strings;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pairing a box: take the invite however the person has it (a picture of the code, the pasted link, the
 * clipboard), show who the box is so they can compare it with the box's screen, then pair over the link.
 */
public final class PairViewModel {
    public enum Status { WAITING, LOOKING_UP, CONFIRM, PAIRING, PAIRED, PENDING, FAILED }

    private record Outcome(boolean pending, String role, BoxConnector.Path path) {
    }

    private final TaskRunner tasks;
    private final Supplier<DidSigner> device;
    private final PairedBoxes paired;
    private final String deviceName;
    private final Clock clock;
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.WAITING);
    private final ObjectProperty<PairingInvite> invite = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty path = new SimpleStringProperty("");

    public PairViewModel(TaskRunner tasks, Supplier<DidSigner> device, PairedBoxes paired, String deviceName, Clock clock) {
        this.tasks = tasks;
        this.device = device;
        this.paired = paired;
        this.deviceName = deviceName;
        this.clock = clock;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<PairingInvite> inviteProperty() {
        return invite;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** How the box was reached when pairing: direct or through its relay. */
    public ReadOnlyStringProperty pathProperty() {
        return path;
    }

    /** A pasted or typed invite link (surrounding spaces and line breaks are forgiven). */
    public void useLink(String text) {
        if (text == null || text.isBlank()) {
            fail(Strings.get("pair.error.empty"));
            return;
        }
        try {
            invite.set(PairingInvite.fromLink(text, clock));
            message.set("");
            status.set(Status.CONFIRM);
        } catch (LinkException e) {
            fail(e.getMessage());
        }
    }

    /**
     * The code typed from the box's screen, looked up at the relay the box uses ({@code host:port}). The answer is
     * the box's signed beacon; the code itself supplies the secret, so the relay never holds it.
     */
    public void useCode(String typed, String relay) {
        ShortCode code;
        URI relayAddress;
        try {
            code = ShortCode.parse(typed);
            relayAddress = URI.create("relay://" + (relay == null ? "" : relay.strip()));
            if (relayAddress.getHost() == null || relayAddress.getPort() < 1) {
                fail(Strings.get("pair.error.relay"));
                return;
            }
        } catch (LinkException | IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        status.set(Status.LOOKING_UP);
        message.set(Strings.get("pair.lookingUp", code));
        tasks.run(() -> PairingBeacon.fetch(relayAddress, code, clock), found -> {
            invite.set(found);
            message.set("");
            status.set(Status.CONFIRM);
        }, error -> fail(error instanceof LinkException ? error.getMessage() : Strings.get("pair.error.unexpected", error.getMessage())));
    }

    /** A picture file: a screenshot, the box's PNG, or a phone photo of its screen. */
    public void usePicture(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            fail(Strings.get("pair.error.unreadable", file.getFileName()));
            return;
        }
        if (image == null) {
            fail(Strings.get("pair.error.notPicture", file.getFileName()));
            return;
        }
        usePicture(image);
    }

    /** A picture already in memory (from the clipboard, or a camera frame). */
    public void usePicture(BufferedImage image) {
        Optional<String> found = InviteQr.read(image);
        if (found.isEmpty()) {
            fail(Strings.get("pair.error.noCode"));
            return;
        }
        useLink(found.get());
    }

    /** The person compared the name and fingerprint with the box and said yes. */
    public void confirm() {
        PairingInvite chosen = invite.get();
        if (chosen == null || status.get() != Status.CONFIRM) {
            return;
        }
        status.set(Status.PAIRING);
        message.set(Strings.get("pair.progress", chosen.boxName()));
        tasks.run(() -> {
            BoxConnector.Connection connection = BoxConnector.connect(chosen.endpoints(), chosen.boxDid(), device.get());
            try (var client = connection.client()) {
                var enrollment = client.pair(chosen, deviceName);
                paired.save(new PairedBoxes.PairedBox(chosen.boxDid(), chosen.boxName(), chosen.endpoints(),
                        enrollment.token(), enrollment.role(), enrollment.relayPass()));
                return new Outcome(enrollment.pending(), enrollment.role(), connection.path());
            }
        }, result -> {
            boolean pending = result.pending();
            path.set(Strings.get("box.path." + result.path()));
            status.set(pending ? Status.PENDING : Status.PAIRED);
            message.set(pending ? Strings.get("pair.pending", chosen.boxName())
                    : Strings.get("pair.done." + (result.role().equals("owner") ? "owner" : "member"), chosen.boxName(), path.get()));
        }, error -> fail(error instanceof LinkException ? error.getMessage() : Strings.get("pair.error.unexpected", error.getMessage())));
    }

    /** Back to waiting for an invite. */
    public void startOver() {
        invite.set(null);
        message.set("");
        status.set(Status.WAITING);
    }

    private void fail(String why) {
        message.set(why);
        status.set(Status.FAILED);
    }
}
