package org.elastos.frontdoor.media.play;

import org.elastos.frontdoor.media.FollowingSegment;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.CencEncryptor;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real HTTP client against the bridge, serving a real film decrypted by the capsule, from a source that falters. */
class LoopbackBridgeTest {
    private static final byte[] KEY = new byte[16];
    private static final byte[] KID = new byte[16];
    private static final Map<String, byte[]> seller = new LinkedHashMap<>();
    private static final Map<String, byte[]> clear = new LinkedHashMap<>();
    private static byte[] clearInit;
    private static FilmPlan plan;

    @TempDir
    Path dir;
    private PlaybackSession playback;
    private DecryptCapsule capsule;
    private LoopbackBridge bridge;
    private final HttpClient http = HttpClient.newHttpClient();
    /** How many more times each name fails before the source answers it. */
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    @BeforeAll
    static void film() throws Exception {
        Path hls = TestFilms.clearHls(TestFilms.h264Aac(10), Files.createTempDirectory("bridge-"));
        new SecureRandom().nextBytes(KEY);
        new SecureRandom().nextBytes(KID);
        CencEncryptor encryptor = new CencEncryptor(KEY, KID, new SecureRandom().nextLong());
        byte[] init = encryptor.init(Files.readAllBytes(hls.resolve("init.mp4")), "{}".getBytes());
        CencDecryptor.Protection protection = CencDecryptor.protectionOf(init);
        seller.put("init.mp4", init);
        clearInit = CencDecryptor.clearInit(init);
        try (Stream<Path> files = Files.list(hls)) {
            for (Path segment : files.filter(f -> f.toString().endsWith(".m4s")).sorted().toList()) {
                byte[] encrypted = encryptor.segment(Files.readAllBytes(segment), protection.tracks());
                seller.put(segment.getFileName().toString(), encrypted);
                clear.put(segment.getFileName().toString(), new CencDecryptor(KEY).segment(encrypted, protection));
            }
        }
        plan = FilmPlan.parse(Files.readAllBytes(hls.resolve("index.m3u8")));
    }

    @BeforeEach
    void playback() throws Exception {
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        playback = new KeyService(Clock.systemUTC()).begin();
        var slot = playback.open(new License(KID, new EvmAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
                playback.publicKey(), LicenseSeal.seal(playback.publicKey(), KID, KEY), Instant.now().plusSeconds(600)).sign(box),
                box.did(), KID);
        capsule = DecryptCapsule.load(seller.get("init.mp4"), slot, new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC()), dir);
        FilmSource source = name -> {
            fetches.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            if (failures.getOrDefault(name, new AtomicInteger()).getAndDecrement() > 0) {
                throw new IOException("the relay dropped the stream");
            }
            byte[] file = seller.get(name);
            if (file == null) {
                throw new IOException("no such file");
            }
            return file;
        };
        bridge = LoopbackBridge.open(plan, source, capsule);
    }

    @AfterEach
    void stop() {
        bridge.close();
        capsule.close();
        playback.close();
    }

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI file(String name) {
        return bridge.playlist().resolve(name);
    }

    @Test
    void servesOurPlaylistTheClearInitAndEveryClearSegmentOnLoopbackOnly() throws Exception {
        assertEquals("127.0.0.1", bridge.playlist().getHost());
        assertTrue(bridge.playlist().getPath().length() > 43, "an unguessable path: " + bridge.playlist());
        HttpResponse<byte[]> playlist = get(bridge.playlist());
        assertEquals(200, playlist.statusCode());
        String text = new String(playlist.body(), StandardCharsets.UTF_8);
        List<String> names = text.lines().filter(line -> !line.startsWith("#")).toList();
        List<String> expected = new java.util.ArrayList<>(clear.keySet());
        expected.add(LoopbackBridge.PAD);
        assertEquals(expected, names, text);
        assertTrue(text.contains("#EXT-X-MAP:URI=\"init.mp4\""), text);
        assertEquals("no-store", playlist.headers().firstValue("Cache-Control").orElseThrow());
        assertArrayEquals(clearInit, get(file("init.mp4")).body());
        for (Map.Entry<String, byte[]> segment : clear.entrySet()) {
            assertArrayEquals(segment.getValue(), get(file(segment.getKey())).body(), segment.getKey());
        }
        byte[] last = clear.values().stream().reduce((a, b) -> b).orElseThrow();
        assertArrayEquals(FollowingSegment.after(last), get(file(LoopbackBridge.PAD)).body(),
                "the pad is the last segment moved on by its own length");
        assertEquals(plan.durationSeconds(), bridge.durationSeconds(), 1e-9);
    }

    @Test
    void refusesEveryOtherPathAndMethod() throws Exception {
        URI playlist = bridge.playlist();
        URI base = URI.create("http://127.0.0.1:" + playlist.getPort());
        assertEquals(404, get(base.resolve("/index.m3u8")).statusCode(), "without the secret path");
        assertEquals(404, get(base.resolve("/AAAA" + playlist.getPath().substring(5))).statusCode(), "another secret");
        assertEquals(404, get(file("../init.mp4")).statusCode());
        assertEquals(404, get(file("seg-9999.m4s")).statusCode());
        assertEquals(404, get(URI.create(playlist + "?x=1")).statusCode());
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(playlist).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
    }

    @Test
    void aBriefHiccupOfTheSellersLinkDoesNotStopTheFilm() throws Exception {
        String second = plan.segments().get(1).name();
        failures.put(second, new AtomicInteger(ReadAhead.ATTEMPTS - 1));
        assertArrayEquals(clear.get(second), get(file(second)).body());
        assertEquals(ReadAhead.ATTEMPTS, fetches.get(second).get());
    }

    @Test
    void theNextSegmentsAreFetchedAheadOfThePlayer() throws Exception {
        get(file(plan.segments().get(0).name()));
        String next = plan.segments().get(1).name();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!fetches.containsKey(next) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(fetches.containsKey(next), "segment 1 is on its way before the player asks");
        get(file(next));
        assertEquals(1, fetches.get(next).get(), "and fetched only once");
    }

    @Test
    void aSellerThatStaysAwaySaysSoAndTheNextTryCanSucceed() throws Exception {
        String first = plan.segments().get(0).name();
        failures.put(first, new AtomicInteger(ReadAhead.ATTEMPTS));
        HttpResponse<byte[]> away = get(file(first));
        assertEquals(504, away.statusCode());
        assertEquals("SELLER_UNREACHABLE", new String(away.body(), StandardCharsets.US_ASCII));
        assertArrayEquals(clear.get(first), get(file(first)).body(), "the player's retry is fetched afresh");
    }

    @Test
    void closingThePlaybackStopsTheBridge() throws Exception {
        URI playlist = bridge.playlist();
        assertEquals(200, get(playlist).statusCode());
        bridge.close();
        assertThrows(ConnectException.class, () -> get(playlist));
    }
}
