package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads streamed to the box and kept only whole, and the stream of changes a device can listen to. */
class UploadAndEventsTest {
    @TempDir
    Path dir;
    private HomeBox box;
    private BoxClient owner;
    private HostKey ownerKey;
    private String ownerToken;

    @BeforeEach
    void pairOwner() throws Exception {
        box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
        ownerKey = HostKey.loadOrCreate(dir.resolve("owner.key"), new SecureRandom());
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        owner = BoxClient.connect(invite.endpoints().get(0), box.did(), ownerKey);
        ownerToken = owner.pair(invite, "Owner").token().orElseThrow();
    }

    @AfterEach
    void stop() {
        owner.close();
        box.close();
    }

    private BoxClient ownerAgain() {
        return BoxClient.connect(box.endpoints().get(0), box.did(), ownerKey).withToken(ownerToken);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void uploadsAFileThatArrivesWholeUnderItsName() throws Exception {
        byte[] film = random(5 * 1024 * 1024 + 11);
        long[] reported = {0};
        JsonNode answer = owner.upload("Films/holiday.mp4", new ByteArrayInputStream(film), film.length, false,
                sent -> reported[0] = sent, () -> false);
        assertEquals(film.length, answer.path("size").asLong());
        assertEquals(film.length, reported[0], "progress reached the whole length");
        Path stored = dir.resolve("box").resolve("Films").resolve("holiday.mp4");
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(film),
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(stored)));
        assertEquals("holiday.mp4", owner.list("Films").get(0).name(), "the link carries on after an upload");

        BoxRefusedException exists = assertThrows(BoxRefusedException.class, () -> owner.upload("Films/holiday.mp4",
                new ByteArrayInputStream(new byte[3]), 3, false, sent -> { }, () -> false));
        assertEquals(409, exists.status());
        owner.upload("Films/holiday.mp4", new ByteArrayInputStream(new byte[3]), 3, true, sent -> { }, () -> false);
        assertEquals(3, Files.size(stored));
    }

    @Test
    void anOwnerMakesAFolderOnceAndUploadsIntoIt() throws Exception {
        owner.makeFolder("Photos/Holiday");
        owner.makeFolder("Photos/Holiday/Day one");
        owner.upload("Photos/Holiday/Day one/beach.jpg", new ByteArrayInputStream(new byte[7]), 7, false, sent -> { }, () -> false);
        assertEquals(7, Files.size(dir.resolve("box").resolve("Photos").resolve("Holiday").resolve("Day one").resolve("beach.jpg")));

        BoxRefusedException again = assertThrows(BoxRefusedException.class, () -> owner.makeFolder("Photos/Holiday"));
        assertEquals(BoxRefusal.ALREADY_EXISTS, again.reason(), "a second device choosing the same name is told it is taken");
        assertEquals(1, owner.list("Photos/Holiday").size(), "the folder made first is kept as it was");
        for (String outside : new String[] {"Photos", "Nowhere/Holiday", "Photos/../Films/x", "Photos/.hidden", "Photos/Missing/x"}) {
            BoxRefusedException refused = assertThrows(BoxRefusedException.class, () -> owner.makeFolder(outside), outside);
            assertTrue(refused.reason() == BoxRefusal.BAD_REQUEST || refused.reason() == BoxRefusal.NOT_FOUND,
                    outside + " refused as " + refused.reason());
        }
        try (Stream<Path> made = Files.list(dir.resolve("box").resolve("Photos"))) {
            assertEquals(1, made.count(), "nothing but Holiday was made");
        }
        assertTrue(Files.notExists(dir.resolve("box").resolve("Nowhere")));
    }

    @Test
    void aCancelledUploadLeavesNothingOnTheBox() throws Exception {
        byte[] film = random(8 * 1024 * 1024);
        assertThrows(CancellationException.class, () -> owner.upload("Films/partial.mp4", new ByteArrayInputStream(film),
                film.length, false, sent -> { }, new BooleanSupplier() {
                    private int asked;

                    @Override
                    public boolean getAsBoolean() {
                        return ++asked > 16;
                    }
                }));
        Path films = dir.resolve("box").resolve("Films");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && (leftovers(films) > 0 || !auditedCutOff())) {
            Thread.sleep(20);
        }
        assertEquals(0, leftovers(films), "no partial file and no temporary file remain");
        assertTrue(auditedCutOff());
    }

    @Test
    void membersMayReadButNotWrite() {
        HostKey phone = HostKey.loadOrCreate(dir.resolve("phone.key"), new SecureRandom());
        PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
        try (BoxClient member = BoxClient.connect(invite.endpoints().get(0), box.did(), phone)) {
            member.pair(invite, "Phone");
            owner.approve(phone.did());
            member.enrollment();
            assertEquals(5, member.list("").size());
            BoxRefusedException refused = assertThrows(BoxRefusedException.class, () -> member.upload("Films/x.mp4",
                    new ByteArrayInputStream(new byte[10]), 10, false, sent -> { }, () -> false));
            assertEquals(403, refused.status());
            BoxRefusedException noFolder = assertThrows(BoxRefusedException.class, () -> member.makeFolder("Films/Mine"));
            assertEquals(BoxRefusal.NOT_ALLOWED, noFolder.reason());
        }
        assertTrue(Files.notExists(dir.resolve("box").resolve("Films").resolve("Mine")));
        assertTrue(Files.notExists(dir.resolve("box").resolve("Films").resolve("x.mp4")));
    }

    @Test
    void reportsChangesFromUploadsAndFromTheBoxItself() throws Exception {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        BoxClient listener = ownerAgain();
        Thread listening = new Thread(() -> {
            try {
                listener.events(events::add);
            } catch (RuntimeException closed) {
                // The test closes the connection when it is done.
            }
        });
        listening.setDaemon(true);
        listening.start();
        Thread.sleep(300);

        owner.upload("Music/song.flac", new ByteArrayInputStream(new byte[1000]), 1000, false, sent -> { }, () -> false);
        assertEquals("Music/song.flac", awaitEvent(events, "created").path("path").asText());

        Files.createDirectories(dir.resolve("box").resolve("Photos").resolve("2026"));
        awaitEvent(events, "created");
        Files.writeString(dir.resolve("box").resolve("Photos").resolve("2026").resolve("beach.jpg"), "jpeg bytes");
        JsonNode nested = awaitPath(events, "Photos/2026/beach.jpg");
        assertNotNull(nested, "a folder made on the box is watched too");
        listener.close();
    }

    private static JsonNode awaitEvent(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.path("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event within 10 s");
    }

    private static JsonNode awaitPath(BlockingQueue<JsonNode> events, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.path("path").asText().equals(path)) {
                return event;
            }
        }
        return null;
    }

    private boolean auditedCutOff() {
        return box.audit().entries().stream().anyMatch(e -> e.detail().contains("cut off"));
    }

    private static long leftovers(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
