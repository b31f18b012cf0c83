package org.elastos.frontdoor.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol through java.net.http's WebSocket: one browser per
 * test class, a fresh tab per visit. The flags keep it off the network (it hangs on a closed one otherwise).
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Chromium(Process process, Path profile, int port) {
        this.process = process;
        this.profile = profile;
        this.port = port;
    }

    static boolean installed() {
        return Processes.onPath("chromium");
    }

    static Chromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Process process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1200,1600", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path activePort = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(activePort); i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium stopped: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(activePort);
        return new Chromium(process, profile, Integer.parseInt(lines.get(0).trim()));
    }

    /** A new tab, with its own DevTools connection. */
    Tab open() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String socket = JSON.readTree(created.body()).path("webSocketDebuggerUrl").asText();
        return new Tab(http, URI.create(socket));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One tab: commands answered by id, and the one event the tests wait for (the page's load). */
    static final class Tab implements WebSocket.Listener, AutoCloseable {
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

        Tab(HttpClient http, URI uri) {
            this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).join();
        }

        JsonNode send(String method, Map<String, ?> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(JSON.writeValueAsString(message), true).join();
            JsonNode reply = answer.get(20, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        }

        void navigate(String url) throws Exception {
            loaded = new CompletableFuture<>();
            send("Page.enable", Map.of());
            send("Page.navigate", Map.of("url", url));
            loaded.get(20, TimeUnit.SECONDS);
        }

        /** The document as it is now (after any script), read through the DOM domain, which works with scripts off. */
        String html() throws Exception {
            int root = send("DOM.getDocument", Map.of("depth", 0)).path("root").path("nodeId").asInt();
            return send("DOM.getOuterHTML", Map.of("nodeId", root)).path("outerHTML").asText();
        }

        byte[] screenshot() throws Exception {
            return java.util.Base64.getDecoder().decode(send("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true)).path("data").asText());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else if ("Page.loadEventFired".equals(message.path("method").asText())) {
                        loaded.complete(null);
                    }
                } catch (IOException e) {
                    pending.values().forEach(answer -> answer.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
