package org.elastos.frontdoor.box;

import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.HalfMadeMachines;
import org.elastos.frontdoor.box.shop.Machine;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.RefusedByChainException;
import org.elastos.frontdoor.market.Refusal;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.play.ItemDownload;
import org.elastos.frontdoor.media.play.PlaybackException;
import org.elastos.frontdoor.media.sealed.ItemUnsealer;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A photo folder sold as a copy to download, from a real box, on a real Hardhat node, taken through a real relay: the
 * same license path as a film's, the copy opened byte for byte by the buyer's key service, a pause on chain that stops
 * new buyers and not those who bought, and half-made machines settled against the chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DownloadSaleTest {
    private static final BigInteger PRICE = new BigInteger("1000000000000000000");
    private static Path dir;
    private static Path data;
    private static Signer seller;
    private static Signer buyer;
    private static Signer other;
    private static DevChain chain;
    private static CarrierRelay relay;
    private static HomeBox box;
    private static Shop shop;
    private static StoreItem photos;

    @BeforeAll
    static void sellAPhotoFolder() throws Exception {
        dir = Files.createTempDirectory("download-sale-");
        seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        other = TestAccounts.signer(dir.resolve("other"), TestAccounts.PARTNER);
        Map<String, EvmAddress> accounts = new LinkedHashMap<>();
        accounts.put("seller", seller.evmAddress());
        accounts.put("buyer", buyer.evmAddress());
        accounts.put("other", other.evmAddress());
        chain = DevChain.start(HardhatProject.locate(), accounts, PRICE.multiply(BigInteger.TEN));
        relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
        data = dir.resolve("box");
        box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(relay.address()),
                Clock.systemUTC());
        Path summer = data.resolve("Photos/Summer");
        Files.createDirectories(summer.resolve("Beach"));
        Files.write(summer.resolve("Sunset.png"), bytes(1_500_000, 1));
        Files.write(summer.resolve("Beach/Waves.jpg"), bytes(300_000, 2));
        shop = Shop.in(data, HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()));
        photos = sell(summer, "Summer photos", Instant.now());
        new BoxChains(data).remember(chain.profile().chainId(), chain.rpcUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!box.isRelayed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Packages {@code source} as a download and lists it, as a vending machine does. */
    private static StoreItem sell(Path source, String title, Instant made) throws Exception {
        StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
        StoreItem item = shop.addDownload(source, title, "", Optional.of(where),
                Optional.of(new Machine(data.relativize(source).toString(), seller.evmAddress(), made)), done -> { });
        new Transactions(chain.rpc(), seller).submit(Market.on(chain.rpc()).list(ContentId.of(item.contentId()), PRICE, item.metadataUri()));
        return shop.listed(item.contentId(), new StoreItem.Listed(where.chainId(), where.market(), seller.evmAddress()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {box, relay, chain}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
    }

    private static BoxClient throughRelay(Signer who) {
        URI relayPath = box.endpoints().stream().filter(e -> e.getScheme().equals("relay")).findFirst().orElseThrow();
        BoxConnector.Connection connection = BoxConnector.connect(List.of(relayPath), box.did(), who.device());
        assertEquals(BoxConnector.Path.RELAYED, connection.path());
        return connection.client();
    }

    private static ItemUnsealer.Opened take(Signer who, Path folder) throws PlaybackException {
        try (BoxClient client = throughRelay(who)) {
            StoreItem entry = client.verifiedItem(photos.contentIdHex());
            return ItemDownload.take(client, entry, who, chain.profile().chainId(), chain.market(), new KeyService(Clock.systemUTC()),
                    new AuditLog(dir.resolve(who.evmAddress().value() + "-audit.jsonl"), Clock.systemUTC()), folder,
                    Clock.systemUTC(), done -> { });
        }
    }

    private static void buy(Signer who) {
        new Transactions(chain.rpc(), who).submit(Market.on(chain.rpc()).buyAccess(ContentId.of(photos.contentId()), PRICE));
        chain.mine(2);
    }

    @Test
    @Order(1)
    void theCatalogSaysWhatTheCopyHoldsAndOnlyABuyerTakesItByteForByte() throws Exception {
        try (BoxClient client = throughRelay(buyer)) {
            StoreItem entry = client.verifiedItem(photos.contentIdHex());
            StoreItem.Download copy = entry.download().orElseThrow();
            assertEquals(new StoreItem.Download(Shop.SEALED, 1_800_000, 2, true), copy);
            assertEquals(Optional.of(seller.evmAddress()), entry.listing().flatMap(StoreItem.Listed::seller));
        }
        Path mine = dir.resolve("buyer-downloads");
        PlaybackException refused = assertThrows(PlaybackException.class, () -> take(buyer, mine));
        assertEquals(PlaybackException.Reason.NO_RIGHT, refused.reason(), "not bought yet");
        assertEquals(List.of(), names(mine), "a refused copy leaves nothing");

        buy(buyer);
        ItemUnsealer.Opened opened = take(buyer, mine);
        assertEquals(mine.resolve("Summer"), opened.path());
        for (String name : List.of("Sunset.png", "Beach/Waves.jpg")) {
            assertArrayEquals(Files.readAllBytes(data.resolve("Photos/Summer").resolve(name)), Files.readAllBytes(opened.path().resolve(name)), name);
        }
        assertEquals("Summer (2)", take(buyer, mine).path().getFileName().toString(), "a second copy lands beside the first");
    }

    @Test
    @Order(2)
    void pausedTheChainRefusesNewBuyersWhileThoseWhoBoughtStillTakeTheirCopyAndResumedItSellsAgain() throws Exception {
        Market market = Market.on(chain.rpc());
        new Transactions(chain.rpc(), seller).submit(market.setForSale(ContentId.of(photos.contentId()), false));
        RefusedByChainException refused = assertThrows(RefusedByChainException.class,
                () -> new Transactions(chain.rpc(), other).submit(market.buyAccess(ContentId.of(photos.contentId()), PRICE)));
        assertInstanceOf(Refusal.NotForSale.class, refused.refusal());
        assertTrue(Files.isDirectory(take(buyer, dir.resolve("after-pause")).path()), "the buyer keeps their access");
        assertEquals(PlaybackException.Reason.NO_RIGHT, assertThrows(PlaybackException.class, () -> take(other, dir.resolve("other"))).reason());

        new Transactions(chain.rpc(), seller).submit(market.setForSale(ContentId.of(photos.contentId()), true));
        buy(other);
        assertTrue(Files.isDirectory(take(other, dir.resolve("other")).path()), "on sale again, a new buyer takes it");
    }

    @Test
    @Order(3)
    void halfMadeMachinesAreFinishedWhenTheirSellerListedThemTakenBackWhenNotAndLeftWhileYoung() throws Exception {
        Path notes = Files.createDirectories(data.resolve("Documents/Notes"));
        Files.writeString(notes.resolve("todo.txt"), "water the plants");
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
        StoreItem listedThenStopped = shop.addDownload(notes, "Notes", "", Optional.of(where),
                Optional.of(new Machine("Documents/Notes", seller.evmAddress(), anHourAgo)), done -> { });
        new Transactions(chain.rpc(), seller).submit(Market.on(chain.rpc()).list(ContentId.of(listedThenStopped.contentId()), PRICE,
                listedThenStopped.metadataUri()));
        StoreItem neverListed = shop.addDownload(notes, "Notes again", "", Optional.of(where),
                Optional.of(new Machine("Documents/Notes", seller.evmAddress(), anHourAgo)), done -> { });
        StoreItem listedByAStranger = shop.addDownload(notes, "Notes, front-run", "", Optional.of(where),
                Optional.of(new Machine("Documents/Notes", seller.evmAddress(), anHourAgo)), done -> { });
        new Transactions(chain.rpc(), other).submit(Market.on(chain.rpc()).list(ContentId.of(listedByAStranger.contentId()), PRICE,
                listedByAStranger.metadataUri()));
        StoreItem young = shop.addDownload(notes, "Notes, being made", "", Optional.of(where),
                Optional.of(new Machine("Documents/Notes", seller.evmAddress(), Instant.now())), done -> { });

        AuditLog audit = new AuditLog(data.resolve("audit.jsonl"), Clock.systemUTC());
        try (BoxChains chains = new BoxChains(data)) {
            Map<String, HalfMadeMachines.Outcome> outcomes = new LinkedHashMap<>();
            HalfMadeMachines.settle(shop, chains, audit, "test", Instant.now(), HalfMadeMachines.GRACE)
                    .forEach(settled -> outcomes.put(settled.item().title(), settled.outcome()));
            assertEquals(Map.of("Notes", HalfMadeMachines.Outcome.FINISHED, "Notes again", HalfMadeMachines.Outcome.TAKEN_BACK,
                    "Notes, front-run", HalfMadeMachines.Outcome.TAKEN_BACK), outcomes, "the young one is left alone");
        }
        assertEquals(Optional.of(seller.evmAddress()), shop.item(listedThenStopped.contentId()).flatMap(StoreItem::listing)
                .flatMap(StoreItem.Listed::seller));
        assertFalse(shop.item(neverListed.contentId()).isPresent());
        assertFalse(shop.item(listedByAStranger.contentId()).isPresent(), "nobody else is paid for the box's item");
        assertTrue(shop.item(young.contentId()).isPresent());
        assertTrue(audit.entries().stream().anyMatch(e -> e.event().equals("machine") && e.detail().contains("never listed")));

        Files.writeString(data.resolve("chains.json"), "{\"" + chain.profile().chainId() + "\": \"http://127.0.0.1:9\"}");
        try (BoxChains unreachable = new BoxChains(data)) {
            List<HalfMadeMachines.Settled> later = HalfMadeMachines.settle(shop, unreachable, audit, "test",
                    Instant.now().plus(Duration.ofHours(1)), HalfMadeMachines.GRACE);
            assertEquals(List.of(HalfMadeMachines.Outcome.LEFT_FOR_NOW), later.stream().map(HalfMadeMachines.Settled::outcome).toList());
            assertTrue(shop.item(young.contentId()).isPresent(), "with the chain out of reach, nothing is taken back");
        } finally {
            new BoxChains(data).remember(chain.profile().chainId(), chain.rpcUrl());
        }
    }

    @Test
    @Order(4)
    void aBoxStartingSettlesTheMachinesItWasStoppedInTheMiddleOf() throws Exception {
        Path other = dir.resolve("restarted-box");
        Path notes = Files.createDirectories(other.resolve("Documents/Notes"));
        Files.writeString(notes.resolve("todo.txt"), "water the plants");
        Shop itsShop = Shop.in(other, HostKey.loadOrCreate(other.resolve("box.key"), new SecureRandom()));
        StoreItem halfMade = itsShop.addDownload(notes, "Notes", "", Optional.of(new StoreItem.Listed(chain.profile().chainId(), chain.market())),
                Optional.of(new Machine("Documents/Notes", seller.evmAddress(), Instant.now().minus(Duration.ofHours(1)))), done -> { });
        new BoxChains(other).remember(chain.profile().chainId(), chain.rpcUrl());
        try (HomeBox restarted = HomeBox.start(other, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (itsShop.item(halfMade.contentId()).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(itsShop.item(halfMade.contentId()).isPresent(), "never listed: taken back as the box started");
        }
    }

    private static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
