package org.elastos.frontdoor.capsule;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The committed sample, samples/hello.capsule: genuine, rebuildable from its sources, and fragile to any change. */
class SampleCapsuleTest {
    private static final Path SAMPLE = Path.of("samples/hello.capsule");

    @Test
    void theSampleVerifiesAsSignedByTheSamplePublisher() throws Exception {
        CapsuleManifest manifest = CapsuleHost.verify(CapsuleBundle.read(Files.readAllBytes(SAMPLE)));
        assertEquals("hello", manifest.name());
        assertEquals(CapsuleHostTest.signer(CapsuleHostTest.SAMPLE_PHRASE).did(), manifest.publisher());
    }

    @Test
    void signingTheSourcesAgainGivesTheSameBytes() throws Exception {
        byte[] committed = Files.readAllBytes(SAMPLE);
        CapsuleManifest manifest = CapsuleHost.verify(CapsuleBundle.read(committed));
        byte[] rebuilt = CapsuleBundle.sign(CapsuleHostTest.signer(CapsuleHostTest.SAMPLE_PHRASE), manifest,
                Files.readAllBytes(Path.of("samples/hello/hello.wasm"))).toZip();
        assertArrayEquals(committed, rebuilt, "samples/hello.capsule is not what its sources sign to; re-sign it");
    }

    @Test
    void everySingleChangedByteIsRefused() throws Exception {
        byte[] committed = Files.readAllBytes(SAMPLE);
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < committed.length; i++) {
            byte[] copy = committed.clone();
            copy[i] ^= 0x01;
            try {
                CapsuleHost.verify(CapsuleBundle.read(copy));
                accepted.add(i);
            } catch (CapsuleException expected) {
                // refused, as it must be
            }
        }
        assertEquals(List.of(), accepted, "byte positions whose change went unnoticed");
        assertThrows(CapsuleException.class, () -> CapsuleBundle.read(new byte[0]));
    }
}
