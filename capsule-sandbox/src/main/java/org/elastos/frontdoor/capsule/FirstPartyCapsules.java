package org.elastos.frontdoor.capsule;

import com.dylibso.chicory.runtime.CompiledModule;
import org.elastos.frontdoor.capsule.firstparty.BenchCapsule;
import org.elastos.frontdoor.capsule.firstparty.HelloCapsule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Our own capsules, compiled to JVM bytecode at build time (chicory-compiler-maven-plugin), by the SHA-256 of the
 * module each was compiled from. A loaded capsule uses this code only when the hash its publisher signed, already
 * checked against its module, is one of these: the code that runs is always the code that was signed.
 */
final class FirstPartyCapsules {
    static final Map<String, CompiledModule> BY_SHA256 = Map.of(
            sha256Of("hello/hello.wasm"), new HelloCapsule(),
            sha256Of("bench/bench.wasm"), new BenchCapsule());

    private FirstPartyCapsules() {
    }

    private static String sha256Of(String resource) {
        try (InputStream in = FirstPartyCapsules.class.getResourceAsStream("firstparty/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the first-party module " + resource + " is missing from the build");
            }
            return CapsuleBundle.sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
