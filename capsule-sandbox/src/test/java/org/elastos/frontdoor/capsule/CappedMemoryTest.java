package org.elastos.frontdoor.capsule;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capped memory is the capsule's real memory in every respect but one: growing past the cap stops the capsule.
 * Each access is checked both ways, written through the cap and read from the memory beneath, and the reverse.
 */
class CappedMemoryTest {
    private final ByteArrayMemory real = new ByteArrayMemory(new MemoryLimits(2, 6));
    private final Memory capped = new CappedMemory(real, 4);

    @Test
    void everyMethodTheRealMemoryImplementsGoesStraightToIt() throws Exception {
        // A method left to Memory's default would work, differently: its copy reads the bytes out and writes them
        // back, twice the work of the real memory's, which made the decrypt capsule's segment moves cost double.
        for (Method method : Memory.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method real = ByteArrayMemory.class.getMethod(method.getName(), method.getParameterTypes());
            if (real.getDeclaringClass() == ByteArrayMemory.class) {
                assertEquals(CappedMemory.class, CappedMemory.class.getMethod(method.getName(), method.getParameterTypes())
                        .getDeclaringClass(), method + " falls to the interface's default instead of the real memory's");
            }
        }
        real.writeI32(0, 0x01020304);
        capped.copy(2, 0, 4);
        assertEquals(0x03040304, real.readInt(0), "an overlapping copy moves the bytes as memmove does");
        assertEquals(0x0102, real.readShort(4));
    }

    @Test
    void growingUpToTheCapWorksAndOnePagePastItStopsTheCapsule() {
        assertEquals(2, capped.grow(1), "grow answers the old size in pages");
        assertEquals(3, real.pages());
        assertEquals(3, capped.grow(1));
        assertEquals(4, capped.pages());
        CapsuleException.MemoryExceeded stopped = assertThrows(CapsuleException.MemoryExceeded.class, () -> capped.grow(1));
        assertTrue(stopped.getMessage().contains("320 KiB") && stopped.getMessage().contains("256 KiB"), stopped.getMessage());
        assertEquals(4, real.pages(), "nothing grew");
        assertThrows(CapsuleException.MemoryExceeded.class, () -> capped.grow(Integer.MAX_VALUE), "no overflow lets a grab through");
        assertEquals(4, capped.grow(0));
    }

    @Test
    void theSizesAreThoseOfTheRealMemory() {
        assertEquals(2, capped.pages());
        assertEquals(2, capped.initialPages());
        assertEquals(6, capped.maximumPages());
        assertFalse(capped.shared());
        ByteArrayMemory sharedMemory = new ByteArrayMemory(new MemoryLimits(1, 2, true));
        Memory cappedShared = new CappedMemory(sharedMemory, 2);
        assertTrue(cappedShared.shared());
        // Threads and their locks are not offered to capsules; the real memory refuses them, and so does the cap.
        assertThrows(UnsupportedOperationException.class, () -> sharedMemory.lock(8));
        assertThrows(UnsupportedOperationException.class, () -> cappedShared.lock(8));
        // A wait on a value that is not there returns "not equal" (1) at once; with no one waiting, notify wakes none.
        assertEquals(1, cappedShared.waitOn(8, 1, 1_000_000_000L));
        assertEquals(1, cappedShared.waitOn(16, 1L, 1_000_000_000L));
        assertEquals(0, cappedShared.notify(8, 1));
    }

    @Test
    void bytesWrittenThroughTheCapAreInTheRealMemoryAndBack() {
        capped.write(10, new byte[] {9, 8, 7, 6}, 1, 2);
        assertArrayEquals(new byte[] {8, 7}, real.readBytes(10, 2));
        real.write(20, new byte[] {1, 2, 3}, 0, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, capped.readBytes(20, 3));
        assertEquals(2, capped.read(21));

        capped.writeByte(30, (byte) -5);
        assertEquals(-5, real.read(30));
        capped.fill((byte) 0x11, 40, 44);
        assertEquals(0x11111111, real.readInt(40));
        capped.zero();
        assertEquals(0, real.readInt(40));
        assertEquals(0, real.read(30));
    }

    @Test
    void numbersWrittenThroughTheCapAreInTheRealMemoryAndBack() {
        capped.writeI32(0, 0x12345678);
        assertEquals(0x12345678, real.readInt(0));
        real.writeI32(4, -7);
        assertEquals(-7, capped.readInt(4));

        capped.writeLong(8, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, real.readLong(8));
        real.writeLong(16, -9L);
        assertEquals(-9L, capped.readLong(16));

        capped.writeShort(24, (short) -300);
        assertEquals(-300, real.readShort(24));
        real.writeShort(26, (short) 0xFFFE);
        assertEquals((short) 0xFFFE, capped.readShort(26));
        assertEquals(0xFFFE, capped.readU16(26));

        capped.writeF32(32, 1.5f);
        assertEquals(1.5f, real.readFloat(32));
        real.writeF32(36, -2.25f);
        assertEquals(-2.25f, capped.readFloat(36));
        assertEquals(Float.floatToRawIntBits(-2.25f), (int) capped.readF32(36));

        capped.writeF64(40, Math.PI);
        assertEquals(Math.PI, real.readDouble(40));
        real.writeF64(48, -0.5);
        assertEquals(-0.5, capped.readDouble(48));
        assertEquals(Double.doubleToRawLongBits(-0.5), capped.readF64(48));
    }

    @Test
    void passiveSegmentsAreTheRealMemorysToDrop() {
        // Without an instance there are no segments; the real memory's own refusal comes through unchanged.
        Class<? extends Throwable> realRefusal = assertThrows(RuntimeException.class, () -> real.initPassiveSegment(0, 0, 0, 1)).getClass();
        assertEquals(realRefusal, assertThrows(RuntimeException.class, () -> capped.initPassiveSegment(0, 0, 0, 1)).getClass());
        Class<? extends Throwable> dropRefusal = assertThrows(RuntimeException.class, () -> real.drop(3)).getClass();
        assertEquals(dropRefusal, assertThrows(RuntimeException.class, () -> capped.drop(3)).getClass());
    }
}
