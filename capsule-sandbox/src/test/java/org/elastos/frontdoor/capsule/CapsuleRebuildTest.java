package org.elastos.frontdoor.capsule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed .wasm files are exactly what their C sources compile to with the pinned toolchain. */
class CapsuleRebuildTest {
    @TempDir
    Path out;

    @Test
    void rebuildingTheCapsulesFromSourceGivesTheCommittedBytes() throws Exception {
        boolean clang = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "clang")));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(clang, "CI must install clang, lld, wasi-libc and libclang-rt-14-dev-wasm32 (see .ci/run)");
        }
        assumeTrue(clang, "needs Debian's clang for wasm32-wasi");
        Process build = new ProcessBuilder("./build-capsules.sh", out.toString()).redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes());
        assertTrue(build.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, build.exitValue(), log);
        for (Path committed : List.of(Path.of("samples/hello/hello.wasm"), Path.of("samples/bench/bench.wasm"),
                Path.of("src/test/resources/hostile/hostile.wasm"),
                Path.of("src/test/resources/hostile/network.wasm"), Path.of("src/test/resources/bytes/bytes.wasm"),
                Path.of("../media-player/capsule/decrypt/decrypt.wasm"))) {
            assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(out.resolve(committed.getFileName())),
                    committed + " differs from what its source compiles to; run capsule-sandbox/build-capsules.sh");
        }
    }
}
