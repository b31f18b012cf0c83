package org.elastos.frontdoor.media;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What encrypting a film costs: our encryptor over a 720p film's clear segments (parsing, subsamples, rewriting
 * the boxes) against plain JCE AES-CTR over the same number of bytes, best of five each, in the same run. Run on
 * demand: {@code scripts/benchmark.sh media-player org.elastos.frontdoor.media.PackagingBenchmark}.
 */
public final class PackagingBenchmark {
    private PackagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path film = TestFilms.bench720p();
        Path hls = TestFilms.clearHls(film, Files.createTempDirectory("bench-hls"));
        byte[] init = Files.readAllBytes(hls.resolve("init.mp4"));
        List<byte[]> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(hls)) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".m4s")).sorted().toList()) {
                segments.add(Files.readAllBytes(segment));
            }
        }
        long bytes = segments.stream().mapToLong(s -> s.length).sum();
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        List<Track> tracks = CencDecryptor.protectionOf(new CencEncryptor(key, key, 1).init(init, new byte[0])).tracks();

        double ours = 0;
        double jce = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            CencEncryptor encryptor = new CencEncryptor(key, key, round << 32);
            for (byte[] segment : segments) {
                encryptor.segment(segment, tracks);
            }
            ours = Math.max(ours, bytes / ((System.nanoTime() - start) / 1e9) / (1 << 20));

            start = System.nanoTime();
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            for (byte[] segment : segments) {
                byte[] copy = segment.clone();
                cipher.update(copy, 0, copy.length, copy, 0);
            }
            jce = Math.max(jce, bytes / ((System.nanoTime() - start) / 1e9) / (1 << 20));
        }
        System.out.printf("a 60 s 720p film, %d segments, %.1f MiB, best of 5:%n", segments.size(), bytes / 1048576.0);
        System.out.printf("  plain JCE AES-CTR over the same bytes (baseline)   %7.0f MiB/s   1.00x%n", jce);
        System.out.printf("  our cenc encryptor (parse, subsample, rewrite)     %7.0f MiB/s   %.2fx%n", ours, ours / jce);
    }
}
