package org.elastos.frontdoor.app;

import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.link.ShortCode;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What `frontdoor demo` starts beside the app, bound to 127.0.0.1 only: a carrier relay and a home box registered
 * with it, holding a few sample files, with a pairing code ready. Closing it stops both.
 */
public final class DemoWorld implements AutoCloseable {
    private final CarrierRelay relay;
    private final HomeBox box;
    private final HomeBox.Invitation invitation;
    private final Path qrPicture;

    private DemoWorld(CarrierRelay relay, HomeBox box, HomeBox.Invitation invitation, Path qrPicture) {
        this.relay = relay;
        this.box = box;
        this.invitation = invitation;
        this.qrPicture = qrPicture;
    }

    public static DemoWorld start(Path boxData) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        CarrierRelay relay = CarrierRelay.start(new InetSocketAddress(loopback, 0), RelayLimits.DEFAULT);
        try {
            HomeBox box = HomeBox.start(boxData, new InetSocketAddress(loopback, 0), Optional.of(relay.address()), Clock.systemUTC());
            writeSamples(boxData);
            awaitRegistered(box);
            HomeBox.Invitation invitation = box.invitation(Duration.ofHours(12));
            return new DemoWorld(relay, box, invitation, box.writePairingQr(invitation.invite()));
        } catch (IOException | RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    private static void writeSamples(Path boxData) throws IOException {
        Files.writeString(boxData.resolve("Documents").resolve("Welcome.txt"),
                "This is your home box in the demo world. Everything here lives in a temporary folder.\n", StandardCharsets.UTF_8);
        Files.writeString(boxData.resolve("Documents").resolve("Shopping list.txt"), "bread\nolive oil\ncoffee\n", StandardCharsets.UTF_8);
        Path summer = Files.createDirectories(boxData.resolve("Photos").resolve("Summer"));
        ImageIO.write(sunset(640, 400), "png", summer.resolve("Sunset.png").toFile());
    }

    /** A drawn picture, so the Photos folder holds a real image file. */
    private static BufferedImage sunset(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1e3a8a), 0, height, new Color(0xf97316)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xfde047));
        g.fillOval(width / 2 - 60, height - 150, 120, 120);
        g.setColor(new Color(0x0f172a));
        g.fillRect(0, height - 90, width, 90);
        g.dispose();
        return image;
    }

    public HomeBox box() {
        return box;
    }

    public CarrierRelay relay() {
        return relay;
    }

    public Path qrPicture() {
        return qrPicture;
    }

    public String inviteLink() {
        return box.inviteLink(invitation.invite());
    }

    public Optional<ShortCode> shortCode() {
        return invitation.code();
    }

    /** The relay was started first; the box joins it within moments. */
    private static void awaitRegistered(HomeBox box) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!box.isRelayed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        box.close();
        relay.close();
    }
}
