package org.elastos.frontdoor.tests;

import com.sun.net.httpserver.HttpServer;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.Checkout;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.views.player.PlayerViewModel;
import org.elastos.frontdoor.views.store.Marketplace;
import org.elastos.frontdoor.views.store.Offer;
import org.elastos.frontdoor.views.store.StoreSetup;
import org.elastos.frontdoor.views.store.StoreViewModel;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Not a test: how long Play takes to a first frame, and what a 720p playback costs in CPU and memory, each as a ratio
 * to JavaFX playing the same film's clear HLS from a plain loopback file server in the same run. Ours includes the
 * rights check on a Hardhat node, the link to the seller's box through a relay, the license, the decrypt capsule and
 * the bridge. Run with {@code scripts/benchmark.sh tests org.elastos.frontdoor.tests.PlaybackBenchmark}.
 */
public final class PlaybackBenchmark {
    private static final int RUNS = 10;
    private static final int PLAY_SECONDS = 15;

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path dir = Files.createTempDirectory("frontdoor-playback-bench-");
        Path film = TestFilms.bench720p();
        char[] password = "benchmark password".toCharArray();
        Vault vault = Vault.at(dir.resolve("buyer"));
        vault.create(RecoveryPhrase.parse("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong"), "", password);
        Signer buyer = Wallet.open(vault).unlock(password);
        try (DevChain chain = DevChain.start(HardhatProject.locate(), Map.of("buyer", buyer.evmAddress()), Coin.ELA.parse("10"));
             CarrierRelay relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
             HomeBox seller = HomeBox.start(dir.resolve("seller"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     Optional.of(relay.address()), Clock.systemUTC())) {
            Shop shop = Shop.in(dir.resolve("seller"), HostKey.loadOrCreate(dir.resolve("seller").resolve("box.key"), new SecureRandom()));
            StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
            StoreItem item = shop.addFilm(film, "720p benchmark", "60 s of 720p at 4 Mbit/s.", Optional.empty(), Optional.of(where),
                    new FilmPackager(), fraction -> { });
            Market market = Market.on(chain.rpc());
            ContractCall listing = market.list(ContentId.of(item.contentId()), Coin.ELA.parse("1"), item.metadataUri());
            chain.rpc().sendFromNodeAccount(chain.rpc().nodeAccounts().get(1), Optional.of(listing.to()), listing.value(), listing.data());
            shop.listed(item.contentId(), new StoreItem.Listed(where.chainId(), where.market(), chain.rpc().nodeAccounts().get(1)));
            new BoxChains(dir.resolve("seller")).remember(chain.profile().chainId(), chain.rpcUrl());
            new Transactions(chain.rpc(), buyer).submit(Checkout.purchase(market, ContentId.of(item.contentId())));
            chain.mine(chain.profile().confirmations());
            while (!seller.isRelayed()) {
                Thread.sleep(20);
            }
            Platform.startup(() -> { });

            StoreSetup setup = new StoreSetup(new ChainChoice("dev", Optional.of(chain.rpcUrl()), Optional.of(chain.market()), dir),
                    BigInteger.ZERO, List.of(URI.create("relay://127.0.0.1:" + relay.address().getPort())));
            Path clear = TestFilms.clearHls(film, dir.resolve("clear"));
            HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            files.createContext("/", exchange -> {
                Path file = clear.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                byte[] body = file.startsWith(clear) && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
                exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            files.start();
            URI plain = URI.create("http://127.0.0.1:" + files.getAddress().getPort() + "/index.m3u8");
            try (Marketplace marketplace = new Marketplace(setup, () -> buyer)) {
                StoreViewModel store = StoreViewModel.store(TaskRunner.synchronous(), marketplace);
                store.reload();
                Offer offer = store.shown().get(0);
                KeyService keys = new KeyService(Clock.systemUTC());
                Supplier<PlayerViewModel> ours = () -> new PlayerViewModel(TaskRunner.synchronous(), marketplace, offer, keys,
                        dir.resolve("identity"));
                Files.createDirectories(dir.resolve("identity"));

                firstFrame(plain);
                firstFrameOurs(ours);
                List<Long> baseline = new ArrayList<>();
                List<Long> measured = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    baseline.add(firstFrame(plain));
                    measured.add(firstFrameOurs(ours));
                }
                long base = median(baseline);
                long play = median(measured);
                System.out.printf("Play to first frame, median of %d: %d ms (rights check, license, capsule, bridge included);"
                        + " clear HLS from a plain loopback server: %d ms; ratio %.2f; goal under 1500 ms%n", RUNS, play, base,
                        (double) play / base);

                double[] plainCost = cost(() -> plain, () -> { });
                PlayerViewModel player = ours.get();
                player.start();
                double[] ourCost = cost(() -> player.sourceProperty().get(), player::close);
                System.out.printf("While 720p plays for %d s: CPU %.0f%% of a core against %.0f%% for the clear film (ratio %.2f);"
                        + " peak RSS %.0f MiB against %.0f MiB (ratio %.2f)%n", PLAY_SECONDS, ourCost[0], plainCost[0],
                        ourCost[0] / plainCost[0], ourCost[1], plainCost[1], ourCost[1] / plainCost[1]);
            } finally {
                files.stop(0);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private static long firstFrameOurs(Supplier<PlayerViewModel> ours) throws Exception {
        long started = System.nanoTime();
        PlayerViewModel player = ours.get();
        player.start();
        if (player.stateProperty().get() != PlayerViewModel.State.READY) {
            throw new IllegalStateException("the film did not start: " + player.messageProperty().get());
        }
        long ms = firstFrame(player.sourceProperty().get(), started);
        player.close();
        return ms;
    }

    private static long firstFrame(URI source) throws Exception {
        return firstFrame(source, System.nanoTime());
    }

    /** Milliseconds from {@code started} to JavaFX showing the film's first frame (its clock moving past zero). */
    private static long firstFrame(URI source, long started) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        CompletableFuture<MediaPlayer> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            MediaPlayer player = new MediaPlayer(new Media(source.toString()));
            player.currentTimeProperty().addListener((obs, old, now) -> {
                if (now.toMillis() > 0 && !shown.isDone()) {
                    shown.complete((System.nanoTime() - started) / 1_000_000);
                }
            });
            player.setOnError(() -> shown.completeExceptionally(player.getError()));
            player.play();
            made.complete(player);
        });
        long ms = shown.get(60, TimeUnit.SECONDS);
        MediaPlayer player = made.get();
        Platform.runLater(player::dispose);
        return ms;
    }

    /** CPU (percent of one core) and peak RSS (MiB) while the film plays for {@link #PLAY_SECONDS}. */
    private static double[] cost(Supplier<URI> source, Runnable after) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CompletableFuture<MediaPlayer> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            MediaPlayer player = new MediaPlayer(new Media(source.get().toString()));
            player.play();
            made.complete(player);
        });
        MediaPlayer player = made.get(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double peak = 0;
        for (int i = 0; i < PLAY_SECONDS * 4; i++) {
            Thread.sleep(250);
            peak = Math.max(peak, rssMiB());
        }
        double percent = 100.0 * (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
        Platform.runLater(player::dispose);
        after.run();
        return new double[] {percent, peak};
    }

    private static double rssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return 0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
