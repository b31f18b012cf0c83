package org.elastos.frontdoor.capsule;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first-party capsules compiled at build time are code the JIT will compile in turn. */
class FirstPartyCodeTest {
    @Test
    void everyFunctionOfTheFirstPartyCapsulesIsShortEnoughForTheJit() {
        for (String module : new String[] {"org.elastos.frontdoor.capsule.firstparty.HelloCapsule",
                "org.elastos.frontdoor.capsule.firstparty.BenchCapsule"}) {
            Map<String, Integer> lengths = JitLimit.methodLengths(module);
            assertFalse(lengths.isEmpty(), module);
            lengths.forEach((method, length) -> assertTrue(length <= JitLimit.HUGE_METHOD,
                    module + " " + method + " has " + length + " bytes of bytecode, past HotSpot's limit of " + JitLimit.HUGE_METHOD
                            + ": the JIT would leave it to the interpreter. Split the C function (noinline)."));
        }
    }

    @Test
    void theMeasureReadsRealMethodsAndRefusesAModuleThatIsNotThere() {
        Map<String, Integer> bench = JitLimit.methodLengths("org.elastos.frontdoor.capsule.firstparty.BenchCapsule");
        assertTrue(bench.keySet().stream().anyMatch(name -> name.startsWith("group 0.func_")), bench.toString());
        assertTrue(bench.values().stream().allMatch(length -> length > 0), bench.toString());
        assertThrows(IllegalArgumentException.class, () -> JitLimit.methodLengths("org.elastos.frontdoor.capsule.firstparty.NoSuch"));
    }
}
