package org.elastos.frontdoor.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent player, Debian's Chromium (headless, Media Source Extensions, W3C Clear Key), plays what our
 * packager wrote when it is given the key, and does not when it is given another: our files are Common Encryption a
 * browser reads, not only what our own decryptor reads.
 */
class ClearKeyPlaybackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path work;
    private static Film film;
    private static byte[] key;
    private static HttpServer server;
    private static volatile CompletableFuture<String> result;

    @BeforeAll
    static void packAndServe() throws Exception {
        Assumptions.assumeTrue(onPath("chromium"), "Debian's chromium is not installed (apt-get install chromium)");
        work = Files.createTempDirectory("clearkey-");
        key = new byte[16];
        byte[] kid = new byte[16];
        new SecureRandom().nextBytes(key);
        new SecureRandom().nextBytes(kid);
        film = new FilmPackager().pack(TestFilms.h264Aac(10), work.resolve("film"), key, kid, new byte[0], f -> { });
        ObjectNode description = JSON.createObjectNode().put("codecs", film.codecs()).put("init", film.init());
        film.segments().forEach(segment -> description.withArray("segments").add(segment.file()));
        Files.write(film.folder().resolve("film.json"), JSON.writeValueAsBytes(description));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ClearKeyPlaybackTest::serve);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type = "application/octet-stream";
        if (path.equals("/result")) {
            result.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            body = new byte[0];
        } else if (path.equals("/player.html")) {
            try (InputStream page = ClearKeyPlaybackTest.class.getResourceAsStream("clearkey-player.html")) {
                body = page.readAllBytes();
            }
            type = "text/html";
        } else if (path.startsWith("/film/") && !path.contains("..")) {
            Path file = film.folder().resolve(path.substring(6));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            body = Files.readAllBytes(file);
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Opens the player page in a fresh headless Chromium with {@code withKey} and returns what the page reported. */
    private static JsonNode play(byte[] withKey) throws Exception {
        result = new CompletableFuture<>();
        Path profile = Files.createTempDirectory(work, "profile-");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/player.html?key=" + HexFormat.of().formatHex(withKey);
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            return JSON.readTree(result.get(60, TimeUnit.SECONDS));
        } finally {
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        }
    }

    @Test
    void chromiumPlaysTheEncryptedFilmWithItsKey() throws Exception {
        JsonNode played = play(key);
        assertTrue(played.path("error").isNull(), played.toString());
        assertTrue(played.path("currentTime").asDouble() >= 3, "it played on: " + played);
        assertTrue(played.path("frames").asInt() > 24, "it decoded frames: " + played);
        assertTrue(played.path("log").toString().contains("encrypted cenc"), "the browser found our pssh: " + played);
    }

    @Test
    void chromiumDoesNotPlayItWithAnotherKey() throws Exception {
        byte[] wrong = new byte[16];
        new SecureRandom().nextBytes(wrong);
        JsonNode played = play(wrong);
        assertTrue(!played.path("error").isNull() || played.path("currentTime").asDouble() < 1, "it must not play: " + played);
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
