package org.elastos.frontdoor.media;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real films made by ffmpeg for the tests (a moving test pattern with a tone), made once and kept under target/, so
 * every test reads genuine H.264 and AAC.
 */
public final class TestFilms {
    private static final Path CACHE = Path.of("target", "test-films");

    private TestFilms() {
    }

    /** An MP4 of {@code seconds} seconds, H.264 and AAC, keyframes every 2 s. */
    public static Path h264Aac(int seconds) throws IOException, InterruptedException {
        return make("film-" + seconds + "s.mp4", List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "48", "-keyint_min", "48",
                "-sc_threshold", "0", "-c:a", "aac", "-b:a", "96k"));
    }

    /** A film in codecs the packager must transcode: VP9 video and Opus audio in WebM. */
    public static Path vp9Opus(int seconds) throws IOException, InterruptedException {
        return make("film-" + seconds + "s.webm", List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=24",
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000", "-t", String.valueOf(seconds),
                "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus"));
    }

    public static Path make(String name, List<String> arguments) throws IOException, InterruptedException {
        Path target = CACHE.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(CACHE);
        Path partial = CACHE.resolve(name + ".part." + name.substring(name.lastIndexOf('.') + 1));
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"));
        command.addAll(arguments);
        command.add(partial.toString());
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            Assumptions.abort("ffmpeg is not installed (apt-get install ffmpeg)");
            throw missing;
        }
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(5, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + output);
        }
        Files.move(partial, target);
        return target;
    }

    /** ffmpeg's framemd5 of a file: each stream's decoded frames' hashes in order (timestamps aside). */
    public static java.util.Map<String, List<String>> frames(Path file) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", file.toString(),
                "-map", "0:v", "-map", "0:a?", "-f", "framemd5", "-").start();
        String out = new String(ffmpeg.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(ffmpeg.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!ffmpeg.waitFor(2, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg could not decode " + file + ": " + err);
        }
        java.util.Map<String, List<String>> frames = new java.util.TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] fields = line.split(",");
                frames.computeIfAbsent(fields[0].strip(), s -> new ArrayList<>()).add(fields[fields.length - 1].strip());
            }
        }
        return frames;
    }

    /** The benchmarks' film: 60 s of 720p at 4 Mbit/s with a tone, made once and cached. */
    public static Path bench720p() throws IOException, InterruptedException {
        return make("bench-720p-60s.mp4", List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "60", "-c:v", "libx264", "-preset", "veryfast",
                "-b:v", "4M", "-pix_fmt", "yuv420p", "-g", "60", "-c:a", "aac", "-b:a", "128k"));
    }

    /** ffmpeg's own clear HLS of a film: init.mp4, seg-NNN.m4s, index.m3u8. */
    public static Path clearHls(Path film, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-hide_banner", "-loglevel", "error", "-i", film.toString(),
                "-c", "copy", "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", out.resolve("seg-%03d.m4s").toString(),
                out.resolve("index.m3u8").toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (!ffmpeg.waitFor(5, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + output);
        }
        return out;
    }
}
