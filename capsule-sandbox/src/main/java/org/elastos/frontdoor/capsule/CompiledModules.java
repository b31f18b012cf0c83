package org.elastos.frontdoor.capsule;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.CompiledModule;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Capsule modules as JVM bytecode, by the SHA-256 of their bytes: first-party ones compiled at build time, any
 * other compiled at its first load and kept, so the same module is compiled once per process however often it loads. The hash is the one the publisher signed
 * and the host has already checked, so a cache hit can never hand out another module's code.
 */
final class CompiledModules {
    record Compiled(WasmModule module, Function<Instance, Machine> machines) {
    }

    private final Map<String, Compiled> bySha256 = new ConcurrentHashMap<>();
    private final Map<String, CompiledModule> shipped = new ConcurrentHashMap<>();

    CompiledModules(List<ShippedCapsule> shipped) {
        shipped.forEach(capsule -> this.shipped.put(capsule.sha256(), capsule.code()));
    }

    /** First-party modules come compiled from the build; any other is compiled here, once. */
    Compiled get(String sha256, WasmModule parsed) {
        CompiledModule firstParty = FirstPartyCapsules.BY_SHA256.getOrDefault(sha256, shipped.get(sha256));
        if (firstParty != null) {
            return new Compiled(firstParty.wasmModule(), firstParty.machineFactory());
        }
        return bySha256.computeIfAbsent(sha256, hash -> new Compiled(parsed, MachineFactoryCompiler.compile(parsed)));
    }

    static boolean compiledAtBuildTime(String sha256) {
        return FirstPartyCapsules.BY_SHA256.containsKey(sha256);
    }

    /** How many modules were compiled at load (first-party ones are not counted: they came compiled). */
    int size() {
        return bySha256.size();
    }
}
