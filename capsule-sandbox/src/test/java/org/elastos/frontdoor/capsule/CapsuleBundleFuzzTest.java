package org.elastos.frontdoor.capsule;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes arrive as a capsule file, reading and checking it gives a capsule or a {@link CapsuleException}:
 * never a crash, and never an entry read past its cap (zip bombs).
 */
class CapsuleBundleFuzzTest {
    @FuzzTest
    void readsAnyBytesAsACapsuleOrRefusesThem(byte[] zip) {
        try {
            CapsuleBundle bundle = CapsuleBundle.read(zip);
            CapsuleHost.verify(bundle);
        } catch (CapsuleException refused) {
            // Not a capsule, altered, or not signed as one: refused, saying which.
        }
    }
}
