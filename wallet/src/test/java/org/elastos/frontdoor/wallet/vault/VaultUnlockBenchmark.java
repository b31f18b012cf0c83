package org.elastos.frontdoor.wallet.vault;

import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long unlocking takes with the default Argon2id cost, against a baseline measured in the same run: deriving
 * a BIP39 seed (PBKDF2-HMAC-SHA512, 2048 rounds), which every wallet does once per restore. Run on demand with
 * {@code scripts/benchmark.sh wallet org.elastos.frontdoor.wallet.vault.VaultUnlockBenchmark}; not a test.
 */
public final class VaultUnlockBenchmark {
    private static final int ROUNDS = 7;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("vault-bench-");
        RecoveryPhrase phrase = RecoveryPhrase.parse("legal winner thank year wave sausage worth useful legal winner thank yellow");
        char[] password = "benchmark password".toCharArray();
        Vault vault = Vault.at(dir);
        vault.create(phrase, "", password);

        for (int i = 0; i < 2; i++) { // warm-up
            vault.open(password).wipe();
            phrase.seed("");
        }
        double[] unlock = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            vault.open(password).wipe();
            unlock[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            phrase.seed("");
            baseline[i] = (System.nanoTime() - start) / 1e6;
        }
        double unlockMedian = median(unlock);
        double baselineMedian = median(baseline);
        KdfParams kdf = KdfParams.DEFAULT;
        System.out.printf("Argon2id m=%d MiB t=%d p=%d%n", kdf.memoryKib() / 1024, kdf.iterations(), kdf.parallelism());
        System.out.printf("unlock (median of %d): %.0f ms%n", ROUNDS, unlockMedian);
        System.out.printf("baseline, BIP39 seed PBKDF2 (median of %d): %.1f ms%n", ROUNDS, baselineMedian);
        System.out.printf("unlock / baseline: %.1fx%n", unlockMedian / baselineMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
