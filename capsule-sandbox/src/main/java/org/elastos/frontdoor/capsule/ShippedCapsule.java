package org.elastos.frontdoor.capsule;

import com.dylibso.chicory.runtime.CompiledModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A capsule module another module of the app ships, with the JVM bytecode chicory-compiler-maven-plugin made of it
 * in the same build. The host runs that code only for a capsule whose signed hash is this module's.
 */
public record ShippedCapsule(String sha256, CompiledModule code) {
    /**
     * @param wasmResource the module's bytes on the class path, beside {@code anchor}: the same file the plugin compiled
     */
    public static ShippedCapsule of(Class<?> anchor, String wasmResource, CompiledModule code) {
        try (InputStream in = anchor.getResourceAsStream(wasmResource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped module " + wasmResource + " is missing from the build");
            }
            return new ShippedCapsule(CapsuleBundle.sha256(in.readAllBytes()), code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
