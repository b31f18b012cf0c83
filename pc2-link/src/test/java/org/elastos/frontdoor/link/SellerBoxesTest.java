package org.elastos.frontdoor.link;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a stranger's box says of its items is read warily: addresses strictly, posters by their headers first. */
class SellerBoxesTest {
    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void aPosterWhoseHeaderClaimsAHugePictureIsLeftOutUndecoded() throws Exception {
        assertTrue(SellerBoxes.sensibleSize(png(640, 360)));
        assertTrue(SellerBoxes.sensibleSize(png(SellerBoxes.MAX_POSTER_SIDE, 8)));
        byte[] bomb = png(8, 8);
        ByteBuffer.wrap(bomb).putInt(16, 30_000).putInt(20, 30_000);   // IHDR's width and height: a tiny file claiming 900 Mpx
        assertFalse(SellerBoxes.sensibleSize(bomb));
        assertFalse(SellerBoxes.sensibleSize("not a picture".getBytes()));
        assertFalse(SellerBoxes.sensibleSize(new byte[0]));
    }

    @Test
    void anItemAddressIsABoxDidAndAContentIdAndNothingElse() {
        String did = "did:key:z6Mknn5UrsbK42cnyXHkTmy1VJW3VGRTCNCqXGADCkHt9GwL";
        SellerBoxes.ItemAddress address = SellerBoxes.ItemAddress.parse("elastos://" + did + "/store/0x0123456789abcdef0123456789abcdef");
        assertEquals(did, address.box().value());
        assertEquals("0x0123456789abcdef0123456789abcdef", address.contentId());
        for (String bad : new String[] {"https://example.com/store/0x0123456789abcdef0123456789abcdef",
                "elastos://" + did + "/store/0x0123", "elastos://" + did + "/store/0x0123456789abcdef0123456789abcdef/../x",
                "elastos://" + did + "/files/0x0123456789abcdef0123456789abcdef", "", "elastos://did:key:zAAA/store/0x0123456789abcdef0123456789abcdef"}) {
            assertThrows(IllegalArgumentException.class, () -> SellerBoxes.ItemAddress.parse(bad), bad);
        }
    }
}
