package org.elastos.frontdoor.wallet.derive;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Derivation paths as people write them, and the step numbers past which a path is refused. */
class HdPathTest {
    @Test
    void readsHardenedStepsInEachSpellingAndTheLargestStep() {
        assertEquals(List.of(44 | HdPath.HARDENED, 60 | HdPath.HARDENED, 0x7fffffff, 0x7fffffff | HdPath.HARDENED),
                HdPath.parse("m/44'/60H/2147483647/2147483647h").steps());
        assertEquals("m/44'/60'/0'/0/0", HdPath.EVM_ACCOUNT.toString());
    }

    @Test
    void refusesAStepPastTheLargestOrBelowZero() {
        assertThrows(IllegalArgumentException.class, () -> HdPath.parse("m/2147483648"));
        assertThrows(IllegalArgumentException.class, () -> HdPath.parse("m/2147483648'"));
        assertThrows(IllegalArgumentException.class, () -> HdPath.parse("m/-1"));
        assertThrows(IllegalArgumentException.class, () -> HdPath.parse("m/x"));
    }
}
