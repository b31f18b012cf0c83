package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading an invite back from pictures a person might really have: turned, shrunk, noisy, photographed. */
class InviteQrTest {
    @TempDir
    Path dir;

    private String link() {
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        PairingInvite invite = new PairingInvite(box.did(), "Living room box",
                List.of(URI.create("tls://192.168.1.20:7443"), URI.create("relay://relay.example:7444")),
                new byte[32], Instant.now().plus(Duration.ofMinutes(10)));
        return invite.link(box);
    }

    @Test
    void readsTheCodeAsDrawnAndTheInviteInsideVerifies() {
        String link = link();
        assertEquals(Optional.of(link), InviteQr.read(InviteQr.image(link, 6)));
        assertEquals("Living room box", PairingInvite.fromLink(link, Clock.systemUTC()).boxName());
    }

    @Test
    void readsAPhotoOfAScreenTurnedShrunkAndNoisy() {
        String link = link();
        BufferedImage photo = photograph(InviteQr.image(link, 5), Math.toRadians(97), 0.8, 40, new Random(3));
        assertEquals(Optional.of(link), InviteQr.read(photo));
    }

    @Test
    void readsALargePhotoWithTheCodeInOneCorner() {
        String link = link();
        BufferedImage code = InviteQr.image(link, 6);
        BufferedImage large = new BufferedImage(3000, 2200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setColor(new Color(0x6b7b8c));
        g.fillRect(0, 0, large.getWidth(), large.getHeight());
        g.drawImage(code, 2200, 1300, null);
        g.dispose();
        assertEquals(Optional.of(link), InviteQr.read(large));
    }

    @Test
    void readsTheTerminalDrawingInvertedAsOnADarkTerminal() {
        String link = link();
        String[] lines = InviteQr.terminal(link).split("\n");
        int width = lines[0].length();
        BufferedImage screen = new BufferedImage(width * 4, lines.length * 8, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < lines.length; row++) {
            for (int column = 0; column < width; column++) {
                char c = lines[row].charAt(column);
                boolean top = c == '█' || c == '▀';
                boolean bottom = c == '█' || c == '▄';
                for (int y = 0; y < 8; y++) {
                    boolean light = y < 4 ? top : bottom;
                    for (int x = 0; x < 4; x++) {
                        screen.setRGB(column * 4 + x, row * 8 + y, light ? 0xEEEEEE : 0x101010);
                    }
                }
            }
        }
        assertEquals(Optional.of(link), InviteQr.read(screen));
    }

    @Test
    void findsNothingInAPictureWithoutACode() {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        assertTrue(InviteQr.read(blank).isEmpty());
    }

    /** Turns and scales the image onto a grey background, then adds sensor-like noise. */
    private static BufferedImage photograph(BufferedImage code, double angle, double scale, int noise, Random random) {
        int side = (int) (Math.max(code.getWidth(), code.getHeight()) * 1.6);
        BufferedImage photo = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(0x8a8a8a));
        g.fillRect(0, 0, side, side);
        AffineTransform transform = new AffineTransform();
        transform.translate(side / 2.0, side / 2.0);
        transform.rotate(angle);
        transform.scale(scale, scale);
        transform.translate(-code.getWidth() / 2.0, -code.getHeight() / 2.0);
        g.drawImage(code, transform, null);
        g.dispose();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = photo.getRGB(x, y) & 0xFF;
                int value = Math.max(0, Math.min(255, rgb + random.nextInt(2 * noise + 1) - noise));
                photo.setRGB(x, y, value * 0x010101);
            }
        }
        return photo;
    }
}
