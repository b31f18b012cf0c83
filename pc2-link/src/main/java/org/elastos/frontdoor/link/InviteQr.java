package org.elastos.frontdoor.link;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pairing invite as a QR code, both ways: drawn as a PNG or with text characters for a terminal, and read back
 * from any picture of one, a screenshot or a phone photo of a screen, turned, scaled or noisy. Reading tries two
 * binarizers (local thresholds suit uneven light, a global histogram suits blur), four rotations, and a
 * downscaled copy of a large photo.
 */
public final class InviteQr {
    private static final int QUIET_ZONE = 4;
    private static final int LARGEST_SIDE_TRIED_WHOLE = 1600;

    private InviteQr() {
    }

    public static BitMatrix matrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
    }

    /** Black modules on white, {@code pixelsPerModule} pixels each. */
    public static BufferedImage image(String text, int pixelsPerModule) {
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth() * pixelsPerModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    public static byte[] png(String text, int pixelsPerModule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(text, pixelsPerModule), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * The code drawn with half-block characters, two module rows per line. Light modules are drawn, dark ones left
     * blank: on the usual dark terminal that shows dark modules on a light field, as scanners expect.
     */
    public static String terminal(String text) {
        BitMatrix matrix = matrix(text);
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean topLight = !matrix.get(x, y);
                boolean bottomLight = y + 1 >= matrix.getHeight() || !matrix.get(x, y + 1);
                out.append(topLight && bottomLight ? '█' : topLight ? '▀' : bottomLight ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The text of the first QR code found in the picture, if any. */
    public static Optional<String> read(BufferedImage picture) {
        BufferedImage rgb = toRgb(picture);
        List<BufferedImage> sizes = Math.max(rgb.getWidth(), rgb.getHeight()) > LARGEST_SIDE_TRIED_WHOLE
                ? List.of(scaledDown(rgb, LARGEST_SIDE_TRIED_WHOLE), rgb)
                : List.of(rgb);
        List<Function<LuminanceSource, Binarizer>> binarizers = List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);
        for (BufferedImage candidate : sizes) {
            BufferedImage turned = candidate;
            for (int quarterTurns = 0; quarterTurns < 4; quarterTurns++) {
                LuminanceSource source = luminance(turned);
                for (Function<LuminanceSource, Binarizer> binarizer : binarizers) {
                    Optional<String> found = decode(new BinaryBitmap(binarizer.apply(source)));
                    if (found.isPresent()) {
                        return found;
                    }
                }
                turned = quarterTurn(turned);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(BinaryBitmap bitmap) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (ReaderException notFoundOrUnreadable) {
            return Optional.empty();
        }
    }

    private static LuminanceSource luminance(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    }

    private static BufferedImage toRgb(BufferedImage picture) {
        if (picture.getType() == BufferedImage.TYPE_INT_RGB) {
            return picture;
        }
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage scaledDown(BufferedImage image, int largestSide) {
        double scale = (double) largestSide / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return small;
    }

    private static BufferedImage quarterTurn(BufferedImage image) {
        BufferedImage turned = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                turned.setRGB(image.getHeight() - 1 - y, x, image.getRGB(x, y));
            }
        }
        return turned;
    }
}
