package org.elastos.frontdoor.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns a film into an encrypted HLS package: ffmpeg reads it (and transcodes to H.264 and AAC what is not already
 * that) and cuts it into CMAF segments of about 4 s with audio and video in one rendition; {@link CencEncryptor}
 * encrypts every segment. Nothing is left half-written: the package appears in its folder only once it is whole.
 */
public final class FilmPackager {
    /** How long each segment is, roughly: ffmpeg cuts at the first keyframe after this. */
    public static final int SEGMENT_SECONDS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PLAYABLE_PROFILES = Set.of("Baseline", "Constrained Baseline", "Main", "High");

    /** Where packaging has got to, from 0 to 1. */
    @FunctionalInterface
    public interface Progress {
        void at(double fraction);
    }

    private final String ffmpeg;
    private final String ffprobe;

    public FilmPackager() {
        this("ffmpeg", "ffprobe");
    }

    FilmPackager(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /**
     * Packages {@code input} into {@code out} (which must not exist yet) under {@code key}.
     *
     * @param psshData what our own {@code pssh} box says: the chain, market and content id the key is sold under
     * @throws FilmRefusedException when ffmpeg is missing, the file is not a film, or it cannot be made one
     */
    public Film pack(Path input, Path out, byte[] key, byte[] keyId, byte[] psshData, Progress progress)
            throws FilmRefusedException, IOException, InterruptedException {
        if (Files.exists(out)) {
            throw new IOException(out + " already exists; the packager writes a new folder");
        }
        Probe probe = probe(input);
        Path work = Files.createTempDirectory(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".packing-");
        try {
            segment(input, probe, work, progress);
            List<Film.Segment> segments = segmentsOf(work.resolve("clear.m3u8"));
            Path encrypted = Files.createDirectories(work.resolve("film"));
            CencEncryptor encryptor = new CencEncryptor(key, keyId, new SecureRandom().nextLong() & Long.MAX_VALUE);
            byte[] init;
            List<Track> tracks;
            try {
                init = encryptor.init(Files.readAllBytes(work.resolve("init.mp4")), psshData);
                tracks = CencDecryptor.protectionOf(init).tracks();
                Files.write(encrypted.resolve("init.mp4"), init);
                for (int i = 0; i < segments.size(); i++) {
                    String name = segments.get(i).file();
                    Files.write(encrypted.resolve(name), encryptor.segment(Files.readAllBytes(work.resolve(name)), tracks));
                    progress.at(0.9 + 0.1 * (i + 1) / segments.size());
                }
            } catch (Mp4Exception e) {
                throw new FilmRefusedException(FilmRefusedException.Reason.BAD_SEGMENTS,
                        "ffmpeg's segments are not the fragmented MP4 we encrypt (" + e.getMessage() + ")", e);
            } finally {
                encryptor.forget();
            }
            Files.copy(work.resolve("clear.m3u8"), encrypted.resolve("index.m3u8"));
            Files.move(encrypted, out, StandardCopyOption.ATOMIC_MOVE);
            double duration = segments.stream().mapToDouble(Film.Segment::seconds).sum();
            return new Film(out, "index.m3u8", "init.mp4", segments, duration, codecs(work.resolve("init.mp4"), probe.audio()),
                    probe.width(), probe.height(), probe.audio());
        } finally {
            deleteTree(work);
        }
    }

    /** A still from the film, a tenth of the way in, as a JPEG about 480 pixels wide. */
    public void poster(Path input, Path jpeg) throws FilmRefusedException, IOException, InterruptedException {
        Probe probe = probe(input);
        run(List.of(ffmpeg, "-y", "-hide_banner", "-loglevel", "error", "-ss", String.format(Locale.ROOT, "%.2f", probe.duration() / 10),
                "-i", input.toString(), "-frames:v", "1", "-vf", "scale=480:-2", "-q:v", "4", jpeg.toString()), null, 0);
    }

    /** What a film holds, as ffprobe reads it. */
    record Probe(double duration, boolean copyVideo, boolean audio, boolean copyAudio, int width, int height) {
    }

    Probe probe(Path input) throws FilmRefusedException, IOException, InterruptedException {
        if (!Files.isRegularFile(input)) {
            throw new FilmRefusedException(FilmRefusedException.Reason.NOT_A_FILM, input + " is not a file", null);
        }
        String output = run(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
                input.toString()), FilmRefusedException.Reason.NOT_A_FILM, 0);
        JsonNode probe = JSON.readTree(output);
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : probe.path("streams")) {
            String type = stream.path("codec_type").asText();
            boolean picture = stream.path("disposition").path("attached_pic").asInt() == 1;
            if (type.equals("video") && video == null && !picture) {
                video = stream;
            } else if (type.equals("audio") && audio == null) {
                audio = stream;
            }
        }
        if (video == null) {
            throw new FilmRefusedException(FilmRefusedException.Reason.NO_VIDEO, input.getFileName() + " has no video: it is not a film", null);
        }
        double duration = probe.path("format").path("duration").asDouble(0);
        if (duration <= 0) {
            throw new FilmRefusedException(FilmRefusedException.Reason.NOT_A_FILM, input.getFileName() + " has no duration: it is not a film", null);
        }
        boolean copyVideo = video.path("codec_name").asText().equals("h264") && video.path("pix_fmt").asText().equals("yuv420p")
                && PLAYABLE_PROFILES.contains(video.path("profile").asText());
        boolean copyAudio = audio != null && audio.path("codec_name").asText().equals("aac")
                && audio.path("profile").asText().equals("LC") && audio.path("channels").asInt() <= 2;
        return new Probe(duration, copyVideo, audio != null, copyAudio, video.path("width").asInt(), video.path("height").asInt());
    }

    private void segment(Path input, Probe probe, Path work, Progress progress) throws FilmRefusedException, IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-y", "-hide_banner", "-loglevel", "error", "-nostats",
                "-progress", "pipe:1", "-i", input.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn"));
        if (probe.copyVideo()) {
            command.addAll(List.of("-c:v", "copy"));
        } else {
            command.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-pix_fmt", "yuv420p",
                    "-profile:v", "high", "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")"));
        }
        if (probe.audio()) {
            command.addAll(probe.copyAudio() ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        }
        command.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", work.resolve("seg-%04d.m4s").toString(), work.resolve("clear.m3u8").toString()));
        run(command, FilmRefusedException.Reason.UNSUPPORTED_CODEC, probe.duration(), progress);
    }

    private String run(List<String> command, FilmRefusedException.Reason failure, double duration)
            throws FilmRefusedException, IOException, InterruptedException {
        return run(command, failure, duration, fraction -> { });
    }

    /** Runs ffmpeg or ffprobe, passing on its progress; its own words go into the refusal if it fails. */
    private String run(List<String> command, FilmRefusedException.Reason failure, double duration, Progress progress)
            throws FilmRefusedException, IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException missing) {
            throw new FilmRefusedException(FilmRefusedException.Reason.FFMPEG_MISSING, command.get(0) + " is not installed;"
                    + " install Debian's ffmpeg package (sudo apt-get install ffmpeg) and try again", missing);
        }
        StringBuilder errors = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                errors.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The process is gone; what it said so far is enough.
            }
        });
        drain.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("out_time_us=") && duration > 0) {
                    try {
                        progress.at(Math.min(0.9, 0.9 * Long.parseLong(line.substring(12)) / 1e6 / duration));
                    } catch (NumberFormatException notYet) {
                        // "N/A" before the first frame.
                    }
                } else if (out.length() < (1 << 20)) {
                    out.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(2, TimeUnit.HOURS)) {
            process.destroyForcibly();
        }
        drain.join();
        if (process.exitValue() != 0) {
            String said = errors.toString().strip();
            throw new FilmRefusedException(failure == null ? FilmRefusedException.Reason.NOT_A_FILM : failure,
                    "ffmpeg could not make a film of it: " + (said.length() > 400 ? said.substring(0, 400) + "..." : said), null);
        }
        return out.toString();
    }

    private static List<Film.Segment> segmentsOf(Path playlist) throws IOException, FilmRefusedException {
        List<Film.Segment> segments = new ArrayList<>();
        double seconds = -1;
        for (String line : Files.readAllLines(playlist, StandardCharsets.UTF_8)) {
            if (line.startsWith("#EXTINF:")) {
                seconds = Double.parseDouble(line.substring(8, line.indexOf(',') < 0 ? line.length() : line.indexOf(',')));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (seconds < 0 || !line.matches("seg-\\d{4}\\.m4s")) {
                    throw new FilmRefusedException(FilmRefusedException.Reason.BAD_SEGMENTS, "ffmpeg's playlist is not the one asked for", null);
                }
                segments.add(new Film.Segment(line, seconds));
                seconds = -1;
            }
        }
        if (segments.isEmpty()) {
            throw new FilmRefusedException(FilmRefusedException.Reason.BAD_SEGMENTS, "ffmpeg made no segments", null);
        }
        return segments;
    }

    /** The RFC 6381 codecs of the clear init segment: avc1.PPCCLL from avcC, and AAC-LC. */
    private static String codecs(Path init, boolean audio) throws IOException, FilmRefusedException {
        try {
            Box moov = Box.parseAll(Files.readAllBytes(init)).stream().filter(b -> b.type().equals("moov")).findFirst()
                    .orElseThrow(() -> new Mp4Exception("no moov"));
            for (Box trak : moov.all("trak")) {
                Box entry = Track.sampleEntry(trak);
                if (entry.type().equals("avc1")) {
                    byte[] avcC = entry.require("avcC").payload();
                    String video = "avc1." + HexFormat.of().formatHex(avcC, 1, 4);
                    return audio ? video + ",mp4a.40.2" : video;
                }
            }
            throw new Mp4Exception("no H.264 track");
        } catch (Mp4Exception e) {
            throw new FilmRefusedException(FilmRefusedException.Reason.BAD_SEGMENTS, e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
