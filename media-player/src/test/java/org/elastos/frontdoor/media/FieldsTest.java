package org.elastos.frontdoor.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every field read from a box is checked against what is left of it: a short box is a typed refusal, never a crash. */
class FieldsTest {
    private static Fields of(int... bytes) {
        byte[] payload = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            payload[i] = (byte) bytes[i];
        }
        return new Fields(payload, "trun");
    }

    @Test
    void readsEachWidthBigEndianAndUnsignedWhereItSaysSo() throws Mp4Exception {
        Fields fields = of(0xff, 0xfe, 0xdc, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(255, fields.u8());
        assertEquals(0xfedc, fields.u16());
        assertEquals(0xfffffffeL, fields.u32());
        assertEquals(-1, fields.s32());
        assertEquals(0x0102030405060708L, fields.u64());
        assertEquals(19, fields.position());
        fields.skip(1);
        assertArrayEquals(new byte[] {10}, fields.bytes(1));
        assertEquals(0, fields.remaining());
    }

    @Test
    void eachReadPastTheEndOfTheBoxIsRefusedAndNamesTheBox() {
        assertTrue(assertThrows(Mp4Exception.class, () -> of().u8()).getMessage().contains("trun"));
        assertThrows(Mp4Exception.class, () -> of(1).u16());
        assertThrows(Mp4Exception.class, () -> of(1, 2, 3).u32());
        assertThrows(Mp4Exception.class, () -> of(1, 2, 3).s32());
        assertThrows(Mp4Exception.class, () -> of(1, 2, 3, 4, 5, 6, 7).u64());
        assertThrows(Mp4Exception.class, () -> of(1, 2).bytes(3));
        assertThrows(Mp4Exception.class, () -> of(1, 2).skip(3));
    }

    @Test
    void aCountIsRefusedWhenItPromisesMoreThanTheBytesLeft() throws Mp4Exception {
        assertEquals(2, of(1, 2, 3, 4, 5, 6, 7, 8).count(2, 4));
        assertThrows(Mp4Exception.class, () -> of(1, 2, 3, 4, 5, 6, 7, 8).count(3, 4));
        assertEquals(8, of(1, 2, 3, 4, 5, 6, 7, 8).count(8, 0), "entries of no bytes still count one each");
        assertThrows(Mp4Exception.class, () -> of(1, 2, 3, 4, 5, 6, 7, 8).count(9, 0));
        assertThrows(Mp4Exception.class, () -> of(1).count(-1, 1));
    }
}
