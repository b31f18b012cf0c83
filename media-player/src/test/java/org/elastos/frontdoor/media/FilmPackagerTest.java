package org.elastos.frontdoor.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packager on real films made by ffmpeg, checked by the separately written decryptor and by ffmpeg itself. */
class FilmPackagerTest {
    @TempDir
    Path dir;
    private final byte[] key = random(16);
    private final byte[] kid = random(16);

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private Film pack(Path input) throws Exception {
        List<Double> progress = new ArrayList<>();
        Film film = new FilmPackager().pack(input, dir.resolve("film"), key, kid, "{\"chain_id\":31337}".getBytes(), progress::add);
        assertTrue(progress.size() > 3 && progress.get(progress.size() - 1) > 0.99, "progress reached the end: " + progress);
        return film;
    }

    /** The film decrypted back into one fragmented MP4, which ffmpeg can decode. */
    private Path decrypted(Film film) throws Exception {
        byte[] init = Files.readAllBytes(film.folder().resolve(film.init()));
        CencDecryptor.Protection protection = CencDecryptor.protectionOf(init);
        CencDecryptor decryptor = new CencDecryptor(key);
        ByteArrayOutputStream clear = new ByteArrayOutputStream();
        clear.writeBytes(CencDecryptor.clearInit(init));
        for (Film.Segment segment : film.segments()) {
            clear.writeBytes(decryptor.segment(Files.readAllBytes(film.folder().resolve(segment.file())), protection));
        }
        Path out = dir.resolve("decrypted.mp4");
        Files.write(out, clear.toByteArray());
        return out;
    }

    @Test
    void decryptsToTheSourcesFramesVideoAndAudio() throws Exception {
        Path source = TestFilms.h264Aac(12);
        Film film = pack(source);
        assertTrue(film.segments().size() >= 3, "segments of about 4 s: " + film.segments());
        assertEquals(12.0, film.durationSeconds(), 0.2);
        assertTrue(film.codecs().startsWith("avc1.") && film.codecs().endsWith(",mp4a.40.2"), film.codecs());
        assertEquals(List.of(640, 360), List.of(film.width(), film.height()));
        java.util.Map<String, List<String>> original = TestFilms.frames(source);
        java.util.Map<String, List<String>> decoded = TestFilms.frames(decrypted(film));
        assertEquals(java.util.Set.of("0", "1"), original.keySet(), "the source has video and audio");
        assertEquals(original.get("0"), decoded.get("0"), "every video frame decodes to the source's");
        // ffmpeg's HLS muxer keeps the video's edit list but not the audio's, so the AAC encoder's priming frame, which
        // the source's edit list hides, is decoded too: one frame ahead of the source's, which all follow, unchanged.
        List<String> audio = decoded.get("1");
        assertEquals(original.get("1").size() + 1, audio.size(), "the source's audio frames and the priming frame");
        assertEquals(original.get("1"), audio.subList(1, audio.size()), "every audio frame decodes to the source's");
        assertEquals(TestFilms.frames(ffmpegsOwnHls(source)), decoded, "exactly what ffmpeg's own clear HLS of the source decodes to");
    }

    private Path ffmpegsOwnHls(Path source) throws Exception {
        Path hls = TestFilms.clearHls(source, dir.resolve("ffmpeg-hls"));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(Files.readAllBytes(hls.resolve("init.mp4")));
        try (var files = Files.list(hls)) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".m4s")).sorted().toList()) {
                all.writeBytes(Files.readAllBytes(segment));
            }
        }
        Path out = dir.resolve("ffmpeg-hls.mp4");
        Files.write(out, all.toByteArray());
        return out;
    }

    @Test
    void aWrongKeyDecodesToSomethingElse() throws Exception {
        Film film = pack(TestFilms.h264Aac(6));
        byte[] init = Files.readAllBytes(film.folder().resolve(film.init()));
        byte[] segment = Files.readAllBytes(film.folder().resolve(film.segments().get(0).file()));
        CencDecryptor.Protection protection = CencDecryptor.protectionOf(init);
        byte[] right = new CencDecryptor(key).segment(segment, protection);
        byte[] wrong = new CencDecryptor(random(16)).segment(segment, protection);
        assertTrue(!Arrays.equals(right, wrong), "another key opens nothing");
    }

    @Test
    void writesTheStructureCommonEncryptionAsks() throws Exception {
        Film film = pack(TestFilms.h264Aac(10));
        Box moov = Box.parseAll(Files.readAllBytes(film.folder().resolve(film.init()))).stream()
                .filter(b -> b.type().equals("moov")).findFirst().orElseThrow();
        List<Box> pssh = moov.all("pssh");
        assertEquals(2, pssh.size());
        ByteBuffer clearKey = ByteBuffer.wrap(pssh.get(0).payload());
        assertEquals(1, clearKey.get(0), "Clear Key's pssh is version 1");
        assertArrayEquals(Cenc.CLEAR_KEY_SYSTEM, Arrays.copyOfRange(pssh.get(0).payload(), 4, 20));
        assertEquals(1, clearKey.getInt(20));
        assertArrayEquals(kid, Arrays.copyOfRange(pssh.get(0).payload(), 24, 40));
        assertEquals(0, clearKey.getInt(40), "no data");
        assertArrayEquals(Cenc.ELASTOS_SYSTEM, Arrays.copyOfRange(pssh.get(1).payload(), 4, 20));
        assertTrue(new String(pssh.get(1).payload(), StandardCharsets.ISO_8859_1).contains("\"chain_id\":31337"));
        for (Box trak : moov.all("trak")) {
            Box entry = Track.sampleEntry(trak);
            assertTrue(entry.type().equals("encv") || entry.type().equals("enca"), entry.type());
            assertEquals("cenc", new String(Arrays.copyOfRange(entry.require("sinf").require("schm").payload(), 4, 8), StandardCharsets.ISO_8859_1));
        }

        Set<Long> ivs = new HashSet<>();
        int samples = 0;
        for (Film.Segment segment : film.segments()) {
            for (Box moof : Box.parseAll(Files.readAllBytes(film.folder().resolve(segment.file())))) {
                if (!moof.type().equals("moof")) {
                    continue;
                }
                for (Box traf : moof.all("traf")) {
                    assertEquals(1, traf.all("senc").size());
                    assertEquals(1, traf.all("saiz").size());
                    assertEquals(1, traf.all("saio").size());
                    ByteBuffer senc = ByteBuffer.wrap(traf.require("senc").payload());
                    boolean subsamples = (senc.getInt() & 2) != 0;
                    int count = senc.getInt();
                    for (int s = 0; s < count; s++) {
                        assertTrue(ivs.add(senc.getLong()), "an IV repeats");
                        samples++;
                        if (subsamples) {
                            int ranges = Short.toUnsignedInt(senc.getShort());
                            boolean anyProtected = false;
                            for (int r = 0; r < ranges; r++) {
                                int clear = Short.toUnsignedInt(senc.getShort());
                                long protectedBytes = Integer.toUnsignedLong(senc.getInt());
                                assertTrue(clear >= 5, "a NAL's length and header stay clear");
                                assertEquals(0, protectedBytes % 16, "protected ranges are whole blocks");
                                anyProtected |= protectedBytes > 0;
                            }
                            assertTrue(anyProtected || ranges == 1, "a picture's slice is protected");
                        }
                    }
                }
            }
        }
        assertTrue(samples > 400, samples + " samples");
    }

    @Test
    void transcodesWhatIsNotH264AndAac() throws Exception {
        Film film = pack(TestFilms.vp9Opus(6));
        assertTrue(film.codecs().startsWith("avc1.") && film.codecs().endsWith("mp4a.40.2"), film.codecs());
        String probe = ffprobe(decrypted(film));
        assertTrue(probe.contains("codec_name=h264") && probe.contains("codec_name=aac"), probe);
    }

    @Test
    void refusesWhatIsNotAFilmWithAReason() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a film at all");
        FilmRefusedException notFilm = assertThrows(FilmRefusedException.class, () -> pack(text));
        assertEquals(FilmRefusedException.Reason.NOT_A_FILM, notFilm.reason());
        Path song = TestFilms.make("song.m4a", List.of("-f", "lavfi", "-i", "sine=frequency=330", "-t", "2", "-c:a", "aac"));
        FilmRefusedException noVideo = assertThrows(FilmRefusedException.class, () -> pack(song));
        assertEquals(FilmRefusedException.Reason.NO_VIDEO, noVideo.reason());
        assertTrue(Files.notExists(dir.resolve("film")), "nothing is left behind");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("notes.mp4"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void saysWhichPackageToInstallWhenFfmpegIsMissing() throws Exception {
        FilmPackager nowhere = new FilmPackager("/nonexistent/ffmpeg", "/nonexistent/ffprobe");
        FilmRefusedException missing = assertThrows(FilmRefusedException.class,
                () -> nowhere.pack(TestFilms.h264Aac(6), dir.resolve("film"), key, kid, new byte[0], f -> { }));
        assertEquals(FilmRefusedException.Reason.FFMPEG_MISSING, missing.reason());
        assertTrue(missing.getMessage().contains("apt-get install ffmpeg"), missing.getMessage());
    }

    private static String ffprobe(Path file) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-show_streams", file.toString()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        probe.waitFor(1, TimeUnit.MINUTES);
        return out;
    }
}
