package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import org.elastos.frontdoor.wallet.signer.Signer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Figures for the sandbox, each against a baseline measured in the same run: warm instantiation, a call's round
 * trip into a capsule and back, a host call from inside a capsule (to a host function that does nothing, so the
 * crossing alone is measured), and bytes transformed per second by a capsule (compiled and interpreted) against
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
        CapsuleBundle bundle = CapsuleHostTest.bundle(publisher, "bench", wasm, List.of(Grant.of("log")),
                new CapsuleLimits(4, Duration.ofSeconds(10)));
        hostCalls(wasm);

        for (CapsuleHost.Execution execution : CapsuleHost.Execution.values()) {
            CapsuleHost host = new CapsuleHost(trust, audit, dir, CapsuleLimits.DEVICE_MAXIMUM, execution);
            for (int i = 0; i < 20; i++) {
                host.load(bundle, List.of(Grant.of("log"))).close(); // warm-up, and the compiled-module cache
            }
            double[] instantiate = new double[30];
            for (int i = 0; i < instantiate.length; i++) {
                long start = System.nanoTime();
                host.load(bundle, List.of(Grant.of("log"))).close();
                instantiate[i] = (System.nanoTime() - start) / 1e3;
            }
            try (LoadedCapsule capsule = host.load(bundle, List.of(Grant.of("log")))) {
                for (int i = 0; i < 2000; i++) {
                    capsule.call("noop");
                }
                int calls = 20_000;
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    capsule.call("noop");
                }
                double roundTripMicros = (System.nanoTime() - start) / 1e3 / calls;

                capsule.call("transform", ROUNDS); // warm-up
                double capsuleSeconds = Double.MAX_VALUE;
                for (int run = 0; run < 5; run++) { // best of five, as for the Java baseline
                    start = System.nanoTime();
                    capsule.call("transform", ROUNDS);
                    capsuleSeconds = Math.min(capsuleSeconds, (System.nanoTime() - start) / 1e9);
                }

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

    /** Capsule to host and back, compiled, against an empty Java method call through the same kind of interface. */
    private static void hostCalls(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        HostFunction nothing = new HostFunction("elastos", "log",
                FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()), (instance, args) -> null);
        Instance instance = Instance.builder(module).withImportValues(ImportValues.builder().addFunction(nothing).build())
                .withMachineFactory(MachineFactoryCompiler.compile(module)).build();
        ExportFunction callHost = instance.export("call_host");
        int calls = 2_000_000;
        callHost.apply(calls / 10);
        long start = System.nanoTime();
        callHost.apply(calls);
        double hostCallNanos = (double) (System.nanoTime() - start) / calls;
        System.out.printf("COMPILED: host call from inside a capsule %.1f ns%n", hostCallNanos);
    }

    /** The capsule's transform, line for line, in Java: the baseline. */
    private static double plainJava() {
        byte[] data = new byte[BYTES];
        long sum = 0;
        for (int warm = 0; warm < 10; warm++) {
            sum += transform(data, ROUNDS);
        }
        double seconds = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            sum += transform(data, ROUNDS);
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
        }
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
