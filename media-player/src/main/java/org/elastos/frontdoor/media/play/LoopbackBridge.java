package org.elastos.frontdoor.media.play;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.elastos.frontdoor.media.FollowingSegment;
import org.elastos.frontdoor.media.Mp4Exception;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hands one playback's clear film to the platform player, which plays HLS only over HTTP: a server on 127.0.0.1, on
 * a port the system picks, under a path of 256 random bits, serving from memory and never from disk. It serves our
 * own playlist (durations from the plan, and one extra entry repeating the last segment, since JavaFX may skip the
 * last fMP4 segment), the clear init segment and each clear segment, and refuses every other path and method. It
 * stops with the playback.
 */
public final class LoopbackBridge implements AutoCloseable {
    /** Segments fetched and decrypted ahead of the one playing: 12 s of film at 4 s each. */
    public static final int READ_AHEAD = 3;
    static final String PLAYLIST = "index.m3u8";
    static final String PAD = "end.m4s";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ReadAhead readAhead;
    private final FilmPlan plan;
    private final String root;
    private final byte[] playlist;
    private final byte[] clearInit;
    private final Map<String, Integer> segmentIndex = new HashMap<>();

    private LoopbackBridge(HttpServer server, ExecutorService handlers, ReadAhead readAhead, FilmPlan plan, String root,
            byte[] clearInit) {
        this.server = server;
        this.handlers = handlers;
        this.readAhead = readAhead;
        this.plan = plan;
        this.root = root;
        this.clearInit = clearInit;
        for (int i = 0; i < plan.segments().size(); i++) {
            segmentIndex.put(plan.segments().get(i).name(), i);
        }
        segmentIndex.put(PAD, plan.segments().size() - 1);
        this.playlist = playlistOf(plan);
    }

    /**
     * Starts serving a film: its segments come from {@code source} and are decrypted by {@code capsule}.
     *
     * @throws IOException when no loopback port can be had
     */
    public static LoopbackBridge open(FilmPlan plan, FilmSource source, DecryptCapsule capsule) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String root = "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "/";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService handlers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "loopback-bridge");
            thread.setDaemon(true);
            return thread;
        });
        LoopbackBridge bridge = new LoopbackBridge(server, handlers, new ReadAhead(plan, source, capsule, READ_AHEAD), plan,
                root, capsule.clearInit());
        server.createContext("/", bridge::answer);
        server.setExecutor(handlers);
        server.start();
        return bridge;
    }

    /** What to give the platform player. */
    public URI playlist() {
        InetSocketAddress at = server.getAddress();
        return URI.create("http://" + at.getAddress().getHostAddress() + ":" + at.getPort() + root + PLAYLIST);
    }

    /** The film's length from our metadata (a player's own figure may miss the last segment). */
    public double durationSeconds() {
        return plan.durationSeconds();
    }

    private static byte[] playlistOf(FilmPlan plan) {
        long target = (long) Math.ceil(plan.segments().stream().mapToDouble(FilmPlan.Segment::seconds).max().orElse(4));
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:").append(target)
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MAP:URI=\"").append(plan.init()).append("\"\n");
        for (FilmPlan.Segment segment : plan.segments()) {
            text.append(String.format(Locale.ROOT, "#EXTINF:%.6f,%n", segment.seconds())).append(segment.name()).append('\n');
        }
        FilmPlan.Segment last = plan.segments().get(plan.segments().size() - 1);
        text.append(String.format(Locale.ROOT, "#EXTINF:%.6f,%n", last.seconds())).append(PAD).append('\n');
        return text.append("#EXT-X-ENDLIST\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(root) || exchange.getRequestURI().getRawQuery() != null) {
                reply(exchange, 404, "text/plain", new byte[0], method);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain", new byte[0], method);
                return;
            }
            String name = path.substring(root.length());
            if (name.equals(PLAYLIST)) {
                reply(exchange, 200, "application/vnd.apple.mpegurl", playlist, method);
            } else if (name.equals(plan.init())) {
                reply(exchange, 200, "video/mp4", clearInit, method);
            } else if (segmentIndex.containsKey(name)) {
                try {
                    byte[] clear = readAhead.segment(segmentIndex.get(name));
                    reply(exchange, 200, "video/iso.segment", name.equals(PAD) ? following(clear) : clear, method);
                } catch (PlaybackException e) {
                    reply(exchange, e.reason() == PlaybackException.Reason.SELLER_UNREACHABLE ? 504 : 502, "text/plain",
                            e.reason().name().getBytes(StandardCharsets.US_ASCII), method);
                }
            } else {
                reply(exchange, 404, "text/plain", new byte[0], method);
            }
        }
    }

    /** The pad: the last segment moved on by its own length, or, should it not move, the last segment again. */
    private static byte[] following(byte[] last) {
        try {
            return FollowingSegment.after(last);
        } catch (Mp4Exception e) {
            return last;
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body, String method) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = method.equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving at once; the segments held in memory are let go. */
    @Override
    public void close() {
        server.stop(0);
        readAhead.close();
        handlers.shutdownNow();
    }
}
