package org.elastos.frontdoor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.box.HomeBox;
import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.market.ChainChoice;
import org.elastos.frontdoor.market.Coin;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.ContractCall;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The demo's market, all on 127.0.0.1: the development chain with the market deployed (recorded in the data folder,
 * where the Store finds it), a seller's box behind the demo relay holding sample films, listed at different prices,
 * and funds for each identity the person makes or restores. The films are made by ffmpeg on the first run and kept
 * in this user's cache, packaged, so later demos start at once.
 */
public final class DemoMarket implements AutoCloseable {
    /** What each identity opened in the demo is given, so it can buy at once. */
    public static final BigInteger FUNDS = Coin.ELA.parse("20");

    /** A sample film: what ffmpeg draws and plays, and what it is sold for. */
    record SampleFilm(String title, String description, String price, String video, String audio) {
    }

    static final List<SampleFilm> FILMS = List.of(
            new SampleFilm("Into the Mandelbrot set", "A slow dive into the set's edge, with a low drone.", "2.5",
                    "mandelbrot=size=640x360:rate=25:maxiter=600", "sine=frequency=110:sample_rate=48000,volume=0.4"),
            new SampleFilm("The game of life", "Conway's cells, born and dying on a black field, over a soft tone.", "1",
                    "life=size=320x180:mold=10:rate=25:ratio=0.1:death_color=#202040:life_color=#7cf0a0,scale=640:360:flags=neighbor",
                    "sine=frequency=330:sample_rate=48000,volume=0.3"),
            new SampleFilm("Test card", "The broadcaster's classic, with its 1 kHz line-up tone.", "0.5",
                    "testsrc2=size=640x360:rate=25", "sine=frequency=1000:sample_rate=48000,volume=0.2"));

    /** How long each sample film runs in the demo. */
    public static final int FILM_SECONDS = 60;
    private static final String READY_MARKER = ".ready";

    private final DevChain chain;
    private final HomeBox seller;
    private final Path devChainFile;
    private final ExecutorService work;
    private final int filmSeconds;
    private final CountDownLatch stocked = new CountDownLatch(1);

    private DemoMarket(DevChain chain, HomeBox seller, Path devChainFile, ExecutorService work, int filmSeconds) {
        this.chain = chain;
        this.seller = seller;
        this.devChainFile = devChainFile;
        this.work = work;
        this.filmSeconds = filmSeconds;
    }

    /**
     * Starts the chain and the seller's box, and lists the films in the background (making them first, on the first
     * run). Empty, with the reason told to {@code say}, when this machine cannot run the chain (no Hardhat project).
     */
    public static Optional<DemoMarket> start(Path dataFolder, InetSocketAddress relay, Path cache, Consumer<String> say)
            throws IOException {
        return start(dataFolder, relay, cache, FILM_SECONDS, say);
    }

    /** @param filmSeconds how long each sample film runs (tests make short ones); each length is cached apart */
    public static Optional<DemoMarket> start(Path dataFolder, InetSocketAddress relay, Path cache, int filmSeconds,
            Consumer<String> say) throws IOException {
        HardhatProject project;
        try {
            project = HardhatProject.locate();
        } catch (RuntimeException e) {
            say.accept("the demo has no market: " + e.getMessage());
            return Optional.empty();
        }
        say.accept("starting the demo chain...");
        DevChain chain = DevChain.start(project, Map.of(), BigInteger.ZERO);
        HomeBox seller = null;
        try {
            chain.mineEvery(Duration.ofSeconds(1));
            Path sellerData = dataFolder.resolve("seller-box");
            Path cached = cache.resolve("seller-box-" + filmSeconds + "s");
            boolean ready = Files.isRegularFile(cached.resolve(READY_MARKER));
            if (ready) {
                copyTree(cached, sellerData);
            }
            seller = HomeBox.start(sellerData, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(relay),
                    Clock.systemUTC());
            new BoxChains(sellerData).remember(chain.profile().chainId(), chain.rpcUrl());
            Path devChainFile = dataFolder.resolve(ChainChoice.DEV_CHAIN_FILE);
            ObjectNode record = new ObjectMapper().createObjectNode().put("rpc_url", chain.rpcUrl().toString())
                    .put("chain_id", chain.profile().chainId()).put("market", chain.market().value());
            AtomicFile.write(devChainFile, (record + "\n").getBytes(StandardCharsets.UTF_8));
            ExecutorService work = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "demo-market");
                thread.setDaemon(true);
                return thread;
            });
            DemoMarket market = new DemoMarket(chain, seller, devChainFile, work, filmSeconds);
            work.submit(() -> market.stock(sellerData, cached, ready, say));
            return Optional.of(market);
        } catch (IOException | RuntimeException e) {
            if (seller != null) {
                seller.close();
            }
            chain.close();
            throw e;
        }
    }

    /** Puts the films on sale: made and packaged on the first run (then kept), listed on this run's chain. */
    private void stock(Path sellerData, Path cached, boolean ready, Consumer<String> say) {
        try {
            putOnSale(sellerData, cached, ready, say);
        } catch (Exception e) {
            say.accept("the demo films could not be put on sale: " + e.getMessage());
        } finally {
            stocked.countDown();
        }
    }

    private void putOnSale(Path sellerData, Path cached, boolean ready, Consumer<String> say) throws Exception {
        Shop shop = Shop.in(sellerData, HostKey.loadOrCreate(sellerData.resolve("box.key"), new SecureRandom()));
        StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
        if (ready) {
            for (Envelope entry : shop.catalog()) {
                StoreItem item = StoreItem.verify(entry);
                Optional<SampleFilm> film = FILMS.stream().filter(f -> f.title().equals(item.title())).findFirst();
                if (film.isPresent()) {
                    list(shop, item, film.get(), where);
                }
            }
            return;
        }
        say.accept("making the demo films with ffmpeg (first run only, about a minute)...");
        Path sources = Files.createDirectories(cached.resolveSibling("sources"));
        for (SampleFilm film : FILMS) {
            StoreItem item = shop.addFilm(make(film, sources, filmSeconds), film.title(), film.description(), Optional.empty(),
                    Optional.of(where), new FilmPackager(), fraction -> { });
            list(shop, item, film, where);
        }
        keep(sellerData, cached);
        say.accept("demo films ready: " + FILMS.size() + " in the Store");
    }

    /** Waits until the films are listed (made first, on a first run); false when that took longer than {@code patience}. */
    public boolean awaitStocked(Duration patience) throws InterruptedException {
        return stocked.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void list(Shop shop, StoreItem item, SampleFilm film, StoreItem.Listed where) throws IOException {
        Market market = Market.on(chain.rpc());
        ContentId id = ContentId.of(item.contentId());
        ContractCall listing = market.list(id, Coin.ELA.parse(film.price()), item.metadataUri());
        chain.rpc().sendFromNodeAccount(sellerAccount(), Optional.of(listing.to()), listing.value(), listing.data());
        // The entry names its seller only once the chain says the listing is the seller's.
        if (!market.listing(id).map(listed -> listed.seller().equals(sellerAccount())).orElse(false)) {
            throw new IOException(film.title() + " was not listed by the demo's seller");
        }
        shop.listed(item.contentId(), new StoreItem.Listed(where.chainId(), where.market(), sellerAccount()));
    }

    /** The seller is one of the node's own accounts: the demo holds no seller's keys. */
    private EvmAddress sellerAccount() {
        return chain.rpc().nodeAccounts().get(1);
    }

    /** Gives a newly opened identity's account {@link #FUNDS}, once: an account that holds coins already is left. */
    public void fund(EvmAddress account) {
        work.submit(() -> {
            try {
                if (chain.rpc().balance(account).signum() == 0) {
                    chain.rpc().sendFromNodeAccount(chain.rpc().nodeAccounts().get(0), Optional.of(account), FUNDS, "0x");
                }
            } catch (RuntimeException e) {
                System.err.println("could not fund " + account + " in the demo: " + e.getMessage());
            }
        });
    }

    public DevChain chain() {
        return chain;
    }

    private static Path make(SampleFilm film, Path folder, int seconds) throws IOException, InterruptedException {
        Path target = folder.resolve(film.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + seconds + "s.mp4");
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path partial = folder.resolve(target.getFileName() + ".part.mp4");
        Path log = folder.resolve(target.getFileName() + ".log");
        // Its words go to a file, so the wait below is bounded even when ffmpeg hangs.
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", film.video(), "-f", "lavfi", "-i", film.audio(), "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "50", "-c:a", "aac", "-b:a", "96k",
                partial.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = ffmpeg.waitFor(10, TimeUnit.MINUTES);
        if (!finished || ffmpeg.exitValue() != 0) {
            ffmpeg.destroyForcibly();
            String said = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
            throw new IOException("ffmpeg could not make " + film.title() + (finished ? ": " + said : " within 10 minutes"));
        }
        Files.deleteIfExists(log);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Copies the packaged seller's box into the cache, and marks it complete last. */
    private static void keep(Path sellerData, Path cached) throws IOException {
        Path staging = cached.resolveSibling(cached.getFileName() + ".staging");
        deleteTree(staging);
        copyTree(sellerData, staging);
        deleteTree(cached);
        Files.move(staging, cached, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(cached.resolve(READY_MARKER), "packaged\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(READY_MARKER)) {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
        seller.close();
        try {
            Files.deleteIfExists(devChainFile);
        } catch (IOException ignored) {
            // The chain stops anyway; a stale record is refused as not running.
        }
        chain.close();
    }
}
