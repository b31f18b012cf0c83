package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.audit.AuditVerdict;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real box on loopback, attacked the ways a stranger on the network could: each test reproduces one way it was
 * once stopped, flooded or fooled, and fails if that way works again.
 */
class BoxUnderAttackTest {
    /** The default limits, with deadlines short enough to wait for in a test. */
    static final BoxLimits QUICK = new BoxLimits(64, 16, 32, 4, 8, 32, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofSeconds(30), 20, 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private HomeBox box;
    private BoxClient owner;

    @BeforeEach
    void startBoxWithAnOwner() throws IOException {
        box = start(dir.resolve("box"));
        owner = pairOwner(box, Stranger.freshKey(dir, "owner"));
    }

    @AfterEach
    void stop() {
        owner.close();
        box.close();
    }

    private static HomeBox start(Path data) throws IOException {
        return HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty(),
                Clock.systemUTC(), QUICK);
    }

    static BoxClient pairOwner(HomeBox box, HostKey key) {
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        BoxClient client = BoxClient.connect(invite.endpoints().get(0), box.did(), key);
        client.pair(invite, "Owner");
        return client;
    }

    private long auditEntries() {
        box.flushAudit();
        return box.audit().entries().size();
    }

    @Test
    void refusedRequestsFromAStrangerAddOnlySummariesToTheAuditLog() throws Exception {
        long before = auditEntries();
        long bytesBefore = Files.size(box.audit().file());
        String longPath = "Films/" + "A".repeat(8000);
        int answered = 0;
        try (Stranger stranger = Stranger.connect(box, Stranger.freshKey(dir, "stranger"))) {
            for (int i = 0; i < 2000; i++) {
                LinkHttp.Response response = stranger.request("GET", "/list?path=" + (i % 2 == 0 ? longPath : "Films"));
                assertTrue(List.of(400, 403, 429).contains(response.status()), "status " + response.status());
                answered++;
            }
        }
        assertEquals(2000, answered, "every refused request was answered");
        long added = auditEntries() - before;
        assertTrue(added <= 6, "2000 refusals wrote " + added + " entries, not a few summaries");
        assertTrue(Files.size(box.audit().file()) - bytesBefore < 8_000,
                "the log grew by " + (Files.size(box.audit().file()) - bytesBefore) + " bytes");
        assertTrue(box.audit().entries().stream().anyMatch(e -> e.event().equals("deny-summary") && e.detail().contains("times")));
        assertEquals(List.of(), owner.list("Films"), "the owner is still served");
    }

    @Test
    void bareConnectionsWithoutTlsAddOnlyASummary() throws Exception {
        long before = auditEntries();
        for (int i = 0; i < 300; i++) {
            try (Socket bare = Stranger.tcp(InetAddress.getLoopbackAddress(), box.address())) {
                bare.getOutputStream().write('x');
            }
        }
        Thread.sleep(500);
        long added = auditEntries() - before;
        assertTrue(added <= 4, "300 bare connections wrote " + added + " entries");
        assertEquals(List.of(), owner.list("Films"));
    }

    @Test
    void aHandshakeTrickledByteByByteIsCutAtItsDeadline() throws Exception {
        long start = System.nanoTime();
        try (Socket slow = Stranger.tcp(InetAddress.getLoopbackAddress(), box.address())) {
            slow.setSoTimeout(200);
            boolean closed = false;
            while (!closed && System.nanoTime() - start < Duration.ofSeconds(8).toNanos()) {
                try {
                    slow.getOutputStream().write(0x16);   // a TLS handshake record's first byte, then nothing whole
                    closed = slow.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // Nothing yet; send the next byte.
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertTrue(closed, "the box hung up");
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took < 3_000, "cut after " + took + " ms; the whole handshake has " + QUICK.handshakeDeadline().toMillis() + " ms");
    }

    @Test
    void aRequestTrickledByteByByteIsCutAtItsDeadline() throws Exception {
        try (Stranger slow = Stranger.connect(box, Stranger.freshKey(dir, "slow"))) {
            long start = System.nanoTime();
            byte[] head = "GET /info HTTP/1.1\r\nHost: box\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            boolean cut = false;
            for (int i = 0; i < 40 && !cut; i++) {
                try {
                    slow.send(new byte[] {head[i % head.length]});
                    Thread.sleep(150);
                } catch (IOException closed) {
                    cut = true;
                }
            }
            assertTrue(cut || slow.hungUp(), "the box hung up on a request that never finished");
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 4_500, "cut after " + took + " ms; a request has " + QUICK.requestDeadline().toMillis() + " ms");
        }
    }

    @Test
    void anIdleStrangerIsHungUpOn() throws Exception {
        BoxLimits impatient = new BoxLimits(64, 16, 32, 4, 8, 32, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(5), Duration.ofSeconds(1), 20, 0);
        try (HomeBox quick = HomeBox.start(dir.resolve("impatient"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.empty(), Clock.systemUTC(), impatient);
             Stranger idle = Stranger.connect(quick, Stranger.freshKey(dir, "idle"))) {
            assertEquals(200, idle.request("GET", "/info").status());
            long start = System.nanoTime();
            assertTrue(idle.hungUp());
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 3_000, "hung up after " + took + " ms of silence; strangers get " + impatient.strangerIdle().toMillis());
        }
    }

    @Test
    void oneStrangerHoldsOnlyItsShareOfConnectionsAndThreads() throws Exception {
        HostKey stranger = Stranger.freshKey(dir, "hoarder");
        int threadsBefore = Thread.activeCount();
        List<Stranger> held = new ArrayList<>();
        int served = 0;
        try {
            for (int i = 0; i < 200; i++) {
                try {
                    Stranger connection = Stranger.connect(box, stranger);
                    held.add(connection);
                    if (connection.request("GET", "/info").status() == 200) {
                        served++;
                    }
                } catch (IOException refused) {
                    // Closed by the box: over this DID's share.
                }
            }
            assertEquals(QUICK.perStranger(), served, "one DID is served on at most its share of connections");
            assertTrue(Thread.activeCount() - threadsBefore < 20, "threads grew by " + (Thread.activeCount() - threadsBefore));
            assertEquals(List.of(), owner.list("Films"), "the owner is still served");
        } finally {
            for (Stranger connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void strangersNeverTakeTheShareKeptForDevices() throws Exception {
        List<Stranger> crowd = new ArrayList<>();
        int served = 0;
        try {
            for (int i = 0; i < QUICK.forStrangers() + 10; i++) {
                try {
                    Stranger connection = Stranger.connect(box, Stranger.freshKey(dir, "crowd-" + i));
                    crowd.add(connection);
                    if (connection.request("GET", "/info").status() == 200) {
                        served++;
                    }
                } catch (IOException refused) {
                    // The strangers' share is full.
                }
            }
            assertEquals(QUICK.forStrangers(), served, "strangers together get at most their share");
            BoxClient again = BoxClient.connect(box.endpoints().get(0), box.did(), Stranger.freshKey(dir, "owner"));
            assertThrows(BoxRefusedException.class, () -> again.list("Films"), "no token on this new client, but it got in");
            assertEquals(List.of(), owner.list("Films"), "the owner gets in on the devices' share");
            again.close();
        } finally {
            for (Stranger connection : crowd) {
                connection.close();
            }
        }
    }

    @Test
    void aBrokenPercentEscapeGetsATypedRefusal() throws Exception {
        try (Stranger stranger = Stranger.connect(box, Stranger.freshKey(dir, "escape"))) {
            LinkHttp.Response response = stranger.request("GET", "/info?a=%zz");
            assertEquals(400, response.status());
            assertEquals(200, stranger.request("GET", "/info").status(), "the connection carries on");
        }
        box.flushAudit();
        assertTrue(box.audit().entries().stream().anyMatch(e -> e.event().equals("deny-summary")
                || e.detail().contains("percent")), "the refusal was audited");
    }

    @Test
    void aNameLongerThanAFileSystemAllowsIsRefusedWithoutHangingUp() {
        BoxRefusedException refused = assertThrows(BoxRefusedException.class, () -> owner.list("Films/" + "n".repeat(300)));
        assertEquals(400, refused.status());
        assertEquals(BoxRefusal.BAD_REQUEST, refused.reason());
        assertTrue(refused.getMessage().contains("255"), refused.getMessage());
        assertEquals(List.of(), owner.list("Films"));
    }

    @Test
    void twoInvitesUsedAtOnceMakeOneOwner() throws Exception {
        ExecutorService pairing = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                try (HomeBox fresh = start(dir.resolve("race-" + round))) {
                    PairingInvite first = fresh.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
                    PairingInvite second = fresh.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
                    BoxClient a = BoxClient.connect(fresh.endpoints().get(0), fresh.did(), Stranger.freshKey(dir, "a" + round));
                    BoxClient b = BoxClient.connect(fresh.endpoints().get(0), fresh.did(), Stranger.freshKey(dir, "b" + round));
                    CyclicBarrier together = new CyclicBarrier(2);
                    Future<BoxClient.Enrollment> one = pairing.submit(() -> {
                        together.await();
                        return a.pair(first, "A");
                    });
                    Future<BoxClient.Enrollment> two = pairing.submit(() -> {
                        together.await();
                        return b.pair(second, "B");
                    });
                    one.get(20, TimeUnit.SECONDS);
                    two.get(20, TimeUnit.SECONDS);
                    long owners = fresh.devices().stream().filter(d -> d.role() == DeviceTokens.Role.OWNER).count();
                    assertEquals(1, owners, "round " + round + ": exactly one owner");
                    assertEquals(2, fresh.devices().size());
                    a.close();
                    b.close();
                }
            }
        } finally {
            pairing.shutdownNow();
        }
    }

    @Test
    void overlappingUploadsToANewNameCannotOverwriteEachOther() throws Exception {
        byte[] first = random(4 << 20, 1);
        CountDownLatch underWay = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread slow = new Thread(() -> {
            try {
                owner.upload("Films/film.mp4", new ByteArrayInputStream(first), first.length, false, sent -> {
                    if (sent > (1 << 20)) {
                        underWay.countDown();
                        await(secondTried);
                    }
                }, () -> false);
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        slow.start();
        assertTrue(underWay.await(10, TimeUnit.SECONDS));
        BoxRefusedException busy = assertThrows(BoxRefusedException.class, () -> owner.upload("Films/film.mp4",
                new ByteArrayInputStream(new byte[10]), 10, false, sent -> { }, () -> false));
        assertEquals(BoxRefusal.BUSY, busy.reason());
        secondTried.countDown();
        slow.join(20_000);
        assertEquals(null, failed.get());
        BoxRefusedException exists = assertThrows(BoxRefusedException.class, () -> owner.upload("Films/film.mp4",
                new ByteArrayInputStream(new byte[10]), 10, false, sent -> { }, () -> false));
        assertEquals(BoxRefusal.ALREADY_EXISTS, exists.reason());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("box").resolve("Films").resolve("film.mp4")));
    }

    @Test
    void anUploadCutOffByAKilledBoxLeavesNothingAfterItStartsAgain() throws Exception {
        owner.close();
        box.close();
        Path hidden = Files.createDirectories(dir.resolve("box").resolve("Films").resolve("Trips")).resolve(".upload-4242.part");
        Files.write(hidden, new byte[1 << 20]);
        box = start(dir.resolve("box"));
        owner = pairOwner(box, Stranger.freshKey(dir, "owner-again"));
        assertTrue(Files.notExists(hidden), "the unfinished upload's temporary file is gone");
        assertTrue(box.audit().entries().stream().anyMatch(e -> e.event().equals("cleanup")));
    }

    @Test
    void aFolderListedDuringADownloadDoesNotTouchItsBytes() throws Exception {
        byte[] film = random(3 << 20, 2);
        Files.write(dir.resolve("box").resolve("Films").resolve("long.mp4"), film);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream body = owner.read("Films/long.mp4", 0).body()) {
            sha.update(body.readNBytes(1 << 20));
            assertEquals("long.mp4", owner.list("Films").get(0).name());
            assertEquals(5, owner.list("").size());
            sha.update(body.readAllBytes());
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(film), sha.digest());
    }

    @Test
    void aKeptCheckpointShowsTheLogWasCutShortWhileTheBoxWasOff() throws Exception {
        for (int i = 0; i < 30; i++) {
            owner.list("Films");
        }
        box.flushAudit();
        Path kept = dir.resolve("kept-head.json");
        Files.writeString(kept, owner.auditHead().toJsonString());
        owner.close();
        box.close();
        Path log = dir.resolve("box").resolve("audit.jsonl");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.write(log, lines.subList(0, lines.size() - 20), StandardCharsets.UTF_8);
        assertInstanceOf(AuditVerdict.Intact.class, BoxConsole.verifyAudit(dir.resolve("box"), Optional.empty()),
                "on its own the shortened chain looks whole");
        AuditVerdict.Broken cut = assertInstanceOf(AuditVerdict.Broken.class, BoxConsole.verifyAudit(dir.resolve("box"), Optional.of(kept)));
        assertEquals(AuditVerdict.Problem.CUT_SHORT, cut.problem());
        box = start(dir.resolve("box"));
        owner = pairOwner(box, Stranger.freshKey(dir, "owner-after"));
    }

    @Test
    void theBoxsAnswersNameTheirReason() throws Exception {
        try (Stranger stranger = Stranger.connect(box, Stranger.freshKey(dir, "curious"))) {
            LinkHttp.Response refused = stranger.request("GET", "/list?path=Films");
            assertEquals(403, refused.status());
        }
        BoxClient unpaired = BoxClient.connect(box.endpoints().get(0), box.did(), Stranger.freshKey(dir, "unpaired"));
        BoxRefusedException e = assertThrows(BoxRefusedException.class, () -> unpaired.list("Films"));
        assertEquals(BoxRefusal.NOT_ENROLLED, e.reason());
        unpaired.close();
        JsonNode info = JSON.readTree(JSON.writeValueAsBytes(owner.info()));
        assertEquals(box.did().value(), info.path("box_did").asText());
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
