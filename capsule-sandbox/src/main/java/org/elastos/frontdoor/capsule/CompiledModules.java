package org.elastos.frontdoor.capsule;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Capsule modules compiled from WebAssembly to JVM bytecode, kept by the SHA-256 of their bytes: the same module
 * is parsed and compiled once per process however often it is loaded. The hash is the one the publisher signed
 * and the host has already checked, so a cache hit can never hand out another module's code.
 */
final class CompiledModules {
    record Compiled(WasmModule module, Function<Instance, Machine> machines) {
    }

    private final Map<String, Compiled> bySha256 = new ConcurrentHashMap<>();

    Compiled get(String sha256, WasmModule parsed) {
        return bySha256.computeIfAbsent(sha256, hash -> new Compiled(parsed, MachineFactoryCompiler.compile(parsed)));
    }

    int size() {
        return bySha256.size();
    }
}
