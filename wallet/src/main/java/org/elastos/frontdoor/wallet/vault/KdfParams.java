package org.elastos.frontdoor.wallet.vault;

/**
 * Argon2id cost. The defaults are tuned so unlocking takes about half a second on a two-core laptop-class machine
 * (measured with {@code WalletBenchmark}); the memory cost never goes below 64 MiB.
 */
public record KdfParams(int memoryKib, int iterations, int parallelism) {
    public static final int MIN_MEMORY_KIB = 64 * 1024;
    public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    public static final KdfParams DEFAULT = new KdfParams(MIN_MEMORY_KIB, 4, 1);

    public KdfParams {
        if (memoryKib < MIN_MEMORY_KIB || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be between 64 MiB and 4 GiB, got " + memoryKib + " KiB");
        }
        if (iterations < 1 || iterations > 64) {
            throw new IllegalArgumentException("Argon2 iterations must be between 1 and 64, got " + iterations);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2 parallelism must be between 1 and 16, got " + parallelism);
        }
    }
}
