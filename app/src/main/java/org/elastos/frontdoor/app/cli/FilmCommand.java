package org.elastos.frontdoor.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.media.Film;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.FilmRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "film", description = "Films: package one with Common Encryption (cenc) for other key managers.",
        subcommands = FilmCommand.Package.class)
final class FilmCommand {
    @Command(name = "package", description = {"Package a film as HLS of CMAF segments, encrypted with cenc under the key given",
            "(raw-key mode, as Shaka Packager and Bento4 offer), or under a fresh key this prints.",
            "Prints one line of JSON: the key id, the playlist, the segments, the duration, the codecs."})
    static final class Package implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "IN") Path input;
        @Parameters(index = "1", paramLabel = "OUT_DIR", description = "a new folder for the package") Path out;
        @Option(names = "--key-id", paramLabel = "HEX32", description = "the KID (with --key)") String keyId;
        @Option(names = "--key", paramLabel = "HEX32", description = "the content key (with --key-id)") String key;

        @Override
        public Integer call() throws Exception {
            if ((keyId == null) != (key == null)) {
                throw new CliException("give both --key-id and --key, or neither for a fresh key");
            }
            boolean fresh = key == null;
            byte[] kid = fresh ? random() : hex16(keyId, "--key-id");
            byte[] contentKey = fresh ? random() : hex16(key, "--key");
            Film film;
            try {
                film = new FilmPackager().pack(input, out, contentKey, kid, new byte[0], progress());
            } catch (FilmRefusedException e) {
                throw new CliException(e.getMessage());
            }
            System.err.println();
            ObjectNode result = Json.MAPPER.createObjectNode().put("key_id", HexFormat.of().formatHex(kid));
            if (fresh) {
                result.put("key", HexFormat.of().formatHex(contentKey));
            }
            describe(film, result);
            System.out.println(Json.MAPPER.writeValueAsString(result));
            return 0;
        }
    }

    /** Progress on standard error, on one line that it rewrites. */
    static FilmPackager.Progress progress() {
        int[] shown = {-1};
        return fraction -> {
            int percent = (int) Math.round(fraction * 100);
            if (percent != shown[0]) {
                shown[0] = percent;
                System.err.print("\rpackaging: " + percent + "%");
                System.err.flush();
            }
        };
    }

    static void describe(Film film, ObjectNode result) {
        result.put("playlist", film.folder().resolve(film.playlist()).toString()).put("init", film.init())
                .put("duration_s", Double.parseDouble(String.format(Locale.ROOT, "%.3f", film.durationSeconds())))
                .put("codecs", film.codecs()).put("width", film.width()).put("height", film.height());
        ArrayNode segments = result.putArray("segments");
        film.segments().forEach(segment -> segments.add(segment.file()));
    }

    private static byte[] random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] hex16(String text, String option) {
        if (!text.matches("(0x)?[0-9a-fA-F]{32}")) {
            throw new CliException(option + " is 32 hex digits (16 bytes), got \"" + text + "\"");
        }
        return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }
}
