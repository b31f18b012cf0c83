package org.elastos.frontdoor.views.player;

import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.Offer;
import org.elastos.frontdoor.views.store.SellerWorld;
import org.elastos.frontdoor.views.store.StoreViewModel;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The player's model on real parts: refused in words before buying and without a chain, then played from the bridge. */
class PlayerViewModelTest {
    @TempDir
    static Path dir;
    private static SellerWorld world;

    @BeforeAll
    static void openTheShop() throws Exception {
        world = SellerWorld.open(dir, 10);
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
        }
    }

    private static Offer offer(Marketplace market, String title) {
        StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), market);
        store.reload();
        return store.shown().stream().filter(o -> o.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void beforeBuyingPlayIsRefusedWithThePriceAndAfterItTheFilmPlaysFromTheBridgeUntilClosed() throws Exception {
        Path identity = Files.createDirectories(dir.resolve("identity"));
        try (Marketplace market = world.marketplace(world.buyer)) {
            Offer dawn = offer(market, "Testsrc at dawn");
            PlayerViewModel player = new PlayerViewModel(TaskRunner.synchronous(), market, dawn, new KeyService(Clock.systemUTC()), identity);
            player.start();
            assertEquals(PlayerViewModel.State.REFUSED, player.stateProperty().get());
            assertEquals(PlayerViewModel.Refusal.NOT_OWNED, player.refusalProperty().get());
            assertEquals("You don't own this film yet: buy it for 1 devELA.", player.messageProperty().get());
            assertNull(player.sourceProperty().get());

            world.buy(world.buyer, world.dawn);
            player.start();
            assertEquals(PlayerViewModel.State.READY, player.stateProperty().get(), player.messageProperty().get());
            URI source = player.sourceProperty().get();
            assertEquals("127.0.0.1", source.getHost());
            HttpResponse<String> playlist = HttpClient.newHttpClient().send(HttpRequest.newBuilder(source).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(playlist.body().startsWith("#EXTM3U"), playlist.body());
            assertEquals(10.0, player.durationProperty().get(), 0.5);
            assertEquals(player.latestSeekProperty().get(), player.seekTarget(1e9), "a seek stops short of the last segment");
            assertEquals(0, player.seekTarget(-5));
            assertEquals("0:03", player.elapsed(3.4));
            assertEquals("-0:07", player.remaining(3.4));

            player.close();
            assertEquals(PlayerViewModel.State.ENDED, player.stateProperty().get());
            assertNull(player.sourceProperty().get());
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(source).build(),
                    HttpResponse.BodyHandlers.ofString()), "the bridge closed with the playback");
        }
        AuditLog audit = new AuditLog(identity.resolve("player-audit.jsonl"), Clock.systemUTC());
        assertEquals(java.util.List.of("deny", "license"), audit.entries().stream().map(AuditLog.Entry::event)
                .filter(e -> e.equals("deny") || e.equals("license")).toList(), "the refusal and the grant are both audited");
    }

    @Test
    void withTheChainUnreachablePlayIsRefusedInItsWords() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Offer dusk;
        try (Marketplace market = world.marketplace(world.buyer)) {
            dusk = offer(market, "Testsrc at dusk");
        }
        try (Marketplace market = new Marketplace(world.setup(URI.create("http://127.0.0.1:" + closedPort)), () -> world.buyer)) {
            PlayerViewModel player = new PlayerViewModel(TaskRunner.synchronous(), market, dusk, new KeyService(Clock.systemUTC()),
                    Files.createDirectories(dir.resolve("identity-2")));
            player.start();
            assertEquals(PlayerViewModel.State.REFUSED, player.stateProperty().get());
            assertEquals(PlayerViewModel.Refusal.CHAIN_UNREACHABLE, player.refusalProperty().get());
            assertEquals("Can't check your right: the chain is unreachable.", player.messageProperty().get());
        }
    }
}
