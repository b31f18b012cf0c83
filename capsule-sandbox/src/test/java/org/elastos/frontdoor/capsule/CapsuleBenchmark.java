package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.signer.Signer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Figures for the sandbox, each against a baseline measured in the same run: warm instantiation, a call's round
 * trip into a capsule and back, and bytes transformed per second by a capsule (compiled and interpreted) against
 * the same loop in plain Java. Run on demand with
 * {@code scripts/benchmark.sh capsule-sandbox org.elastos.frontdoor.capsule.CapsuleBenchmark}; not a test.
 */
public final class CapsuleBenchmark {
    private static final int BYTES = 1 << 15;
    private static final int ROUNDS = 300;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("capsule-bench-");
        Signer publisher = CapsuleHostTest.signer(CapsuleHostTest.SAMPLE_PHRASE);
        TrustStore trust = new TrustStore(dir.resolve("trusted-publishers"));
        trust.trust(publisher.did());
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        byte[] wasm = Files.readAllBytes(Path.of("samples/bench/bench.wasm"));
        CapsuleBundle bundle = CapsuleHostTest.bundle(publisher, "bench", wasm, List.of(), new CapsuleLimits(4, Duration.ofSeconds(10)));

        for (CapsuleHost.Execution execution : CapsuleHost.Execution.values()) {
            CapsuleHost host = new CapsuleHost(trust, audit, dir, CapsuleLimits.DEVICE_MAXIMUM, execution);
            for (int i = 0; i < 20; i++) {
                host.load(bundle, List.of()).close(); // warm-up, and the compiled-module cache
            }
            double[] instantiate = new double[30];
            for (int i = 0; i < instantiate.length; i++) {
                long start = System.nanoTime();
                host.load(bundle, List.of()).close();
                instantiate[i] = (System.nanoTime() - start) / 1e3;
            }
            try (LoadedCapsule capsule = host.load(bundle, List.of())) {
                for (int i = 0; i < 2000; i++) {
                    capsule.call("noop");
                }
                int calls = 20_000;
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    capsule.call("noop");
                }
                double roundTripMicros = (System.nanoTime() - start) / 1e3 / calls;

                capsule.call("transform", 20);
                start = System.nanoTime();
                capsule.call("transform", ROUNDS);
                double capsuleSeconds = (System.nanoTime() - start) / 1e9;

                double javaSeconds = plainJava();
                double capsuleRate = (double) BYTES * ROUNDS / capsuleSeconds;
                double javaRate = (double) BYTES * ROUNDS / javaSeconds;
                System.out.printf("%s: warm load+instantiate median %.0f us; call round trip %.1f us%n",
                        execution, median(instantiate), roundTripMicros);
                System.out.printf("%s: transform %.1f MB/s; plain Java %.1f MB/s; capsule / Java = %.3f%n",
                        execution, capsuleRate / 1e6, javaRate / 1e6, capsuleRate / javaRate);
            }
        }
    }

    /** The capsule's transform, line for line, in Java: the baseline. */
    private static double plainJava() {
        byte[] data = new byte[BYTES];
        long sum = 0;
        for (int warm = 0; warm < 3; warm++) {
            sum += transform(data, 20);
        }
        long start = System.nanoTime();
        sum += transform(data, ROUNDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sum == 42) {
            System.out.println("(keeps the loop alive)");
        }
        return seconds;
    }

    private static int transform(byte[] data, int rounds) {
        int sum = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < data.length; i++) {
                int b = data[i] & 0xff;
                b = (((b << 3) | (b >>> 5)) & 0xff) ^ (i & 0xff);
                data[i] = (byte) b;
                sum += b;
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
