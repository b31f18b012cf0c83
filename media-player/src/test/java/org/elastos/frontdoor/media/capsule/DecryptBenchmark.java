package org.elastos.frontdoor.media.capsule;

import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.CencEncryptor;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What decrypting a film in the sandbox costs: the decrypt capsule (parsing in WASM, AES-CTR in the host through its
 * key slot) against plain JCE AES-CTR over the same bytes, with the Java reader and the capsule under a key slot that
 * decrypts nothing (what the sandbox itself costs) beside them, in the same run: each
 * warmed up for {@value #WARM_UP} rounds (a player decrypts segment after segment, so the JIT has compiled the capsule
 * long before the film's middle), then the best of {@value #ROUNDS}. Run on demand: {@code scripts/benchmark.sh media-player org.elastos.frontdoor.media.capsule.DecryptBenchmark}.
 */
public final class DecryptBenchmark {
    private static final int WARM_UP = 30;
    private static final int ROUNDS = 10;

    private DecryptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path film = TestFilms.bench720p();
        Path hls = TestFilms.clearHls(film, Files.createTempDirectory("bench-hls"));
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        CencEncryptor encryptor = new CencEncryptor(key, key, 1);
        byte[] init = encryptor.init(Files.readAllBytes(hls.resolve("init.mp4")), new byte[0]);
        CencDecryptor.Protection protection = CencDecryptor.protectionOf(init);
        List<byte[]> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(hls)) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".m4s")).sorted().toList()) {
                segments.add(encryptor.segment(Files.readAllBytes(segment), protection.tracks()));
            }
        }
        long bytes = segments.stream().mapToLong(s -> s.length).sum();
        Path dir = Files.createTempDirectory("bench-decrypt");
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        PlaybackSession playback = new KeyService(Clock.systemUTC()).begin();
        KeySlot slot = playback.open(new License(key, new EvmAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
                playback.publicKey(), LicenseSeal.seal(playback.publicKey(), key, key), Instant.now().plusSeconds(3600)).sign(box),
                box.did(), key);
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());

        double jce = 0;
        double reader = 0;
        double capsule = 0;
        double unkeyed = 0;
        CencDecryptor java = new CencDecryptor(key);
        KeySlot idle = (iv, streamOffset, data, offset, length) -> { };
        try (DecryptCapsule sandboxed = DecryptCapsule.load(init, slot, audit, dir);
                DecryptCapsule parsingOnly = DecryptCapsule.load(init, idle, audit, dir)) {
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                boolean counted = round >= WARM_UP;
                long start = System.nanoTime();
                Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
                for (byte[] segment : segments) {
                    byte[] copy = segment.clone();
                    cipher.update(copy, 0, copy.length, copy, 0);
                }
                if (counted) {
                    jce = Math.max(jce, rate(bytes, start));
                }
                start = System.nanoTime();
                for (byte[] segment : segments) {
                    java.segment(segment, protection);
                }
                if (counted) {
                    reader = Math.max(reader, rate(bytes, start));
                }
                start = System.nanoTime();
                for (byte[] segment : segments) {
                    sandboxed.segment(segment);
                }
                if (counted) {
                    capsule = Math.max(capsule, rate(bytes, start));
                }
                start = System.nanoTime();
                for (byte[] segment : segments) {
                    parsingOnly.segment(segment);
                }
                if (counted) {
                    unkeyed = Math.max(unkeyed, rate(bytes, start));
                }
            }
        }
        playback.close();
        System.out.printf("a 60 s 720p film, %d segments, %.1f MiB, best of %d after %d rounds of warm-up:%n", segments.size(),
                bytes / 1048576.0, ROUNDS, WARM_UP);
        System.out.printf("  plain JCE AES-CTR over the same bytes (baseline)   %7.0f MiB/s   1.00x%n", jce);
        System.out.printf("  the Java cenc reader                               %7.0f MiB/s   %.2fx%n", reader, reader / jce);
        System.out.printf("  the decrypt capsule (WASM, through its key slot)   %7.0f MiB/s   %.2fx%n", capsule, capsule / jce);
        System.out.printf("  the same with a key slot that decrypts nothing     %7.0f MiB/s   %.2fx (what the sandbox costs)%n",
                unkeyed, unkeyed / jce);
    }

    private static double rate(long bytes, long start) {
        return bytes / ((System.nanoTime() - start) / 1e9) / (1 << 20);
    }
}
