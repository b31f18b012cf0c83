package org.elastos.frontdoor.box;

import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.BoxRefusedException;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseRefusal;
import org.elastos.frontdoor.media.license.LicenseRequest;
import org.elastos.frontdoor.media.license.PlaybackKey;
import org.elastos.frontdoor.capsule.KeySlot;
import org.elastos.frontdoor.media.capsule.DecryptCapsule;
import org.elastos.frontdoor.media.keys.KeyService;
import org.elastos.frontdoor.media.keys.PlaybackSession;
import org.elastos.frontdoor.media.play.FilmPlan;
import org.elastos.frontdoor.media.play.FilmPlayback;
import org.elastos.frontdoor.media.play.PlaybackException;
import org.elastos.frontdoor.media.play.LinkFilmSource;
import org.elastos.frontdoor.media.play.LoopbackBridge;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A film sold from a real box, on a real Hardhat node, fetched through a real relay by a stranger: its key goes only
 * to a holder the chain confirms, and never anywhere in the clear.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FilmSaleTest {
    private static final BigInteger PRICE = new BigInteger("2500000000000000000");
    private static Path dir;
    private static Signer seller;
    private static Signer buyer;
    private static Signer other;
    private static DevChain chain;
    private static CarrierRelay relay;
    private static HomeBox box;
    private static StoreItem film;
    private static final List<byte[]> everythingTheBoxSent = new ArrayList<>();

    @BeforeAll
    static void sellAFilm() throws Exception {
        dir = Files.createTempDirectory("film-sale-");
        seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        other = TestAccounts.signer(dir.resolve("other"), TestAccounts.PARTNER);
        Map<String, EvmAddress> accounts = new LinkedHashMap<>();
        accounts.put("seller", seller.evmAddress());
        accounts.put("buyer", buyer.evmAddress());
        accounts.put("other", other.evmAddress());
        chain = DevChain.start(HardhatProject.locate(), accounts, PRICE.multiply(BigInteger.TEN));
        relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
        Path data = dir.resolve("box");
        box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(relay.address()),
                Clock.systemUTC());
        Shop shop = Shop.in(data, HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()));
        StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
        film = shop.addFilm(TestFilms.h264Aac(10), "Testsrc at dusk", "A moving pattern and a tone.", Optional.empty(),
                Optional.of(where), new FilmPackager(), fraction -> { });
        Market market = Market.on(chain.rpc());
        new Transactions(chain.rpc(), seller).submit(market.list(ContentId.of(film.contentId()), PRICE, film.metadataUri()));
        film = shop.listed(film.contentId(), new StoreItem.Listed(where.chainId(), where.market(), seller.evmAddress()));
        new BoxChains(data).remember(chain.profile().chainId(), chain.rpcUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!box.isRelayed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
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

    /** A stranger's link to the seller's box, through the relay only, as a buyer far from it has. */
    private static BoxClient throughRelay(Signer who) {
        URI relayPath = box.endpoints().stream().filter(e -> e.getScheme().equals("relay")).findFirst().orElseThrow();
        BoxConnector.Connection connection = BoxConnector.connect(List.of(relayPath), box.did(), who.device());
        assertEquals(BoxConnector.Path.RELAYED, connection.path());
        return connection.client();
    }

    private static LicenseRequest request(EvmAddress holder, PlaybackKey playback, long chainId, Instant issued) {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        return new LicenseRequest(film.contentId(), chainId, chain.market(), holder, playback.publicKey(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), issued);
    }

    private static Envelope ask(BoxClient client, LicenseRequest.Signed signed) {
        Envelope license = client.license(signed.toBytes());
        everythingTheBoxSent.add(license.toJsonString().getBytes(StandardCharsets.UTF_8));
        return license;
    }

    private static LicenseRefusal.Reason refusal(BoxClient client, LicenseRequest.Signed signed) {
        BoxRefusedException refused = assertThrows(BoxRefusedException.class, () -> client.license(signed.toBytes()));
        everythingTheBoxSent.add(refused.getMessage().getBytes(StandardCharsets.UTF_8));
        return LicenseRefusal.named(refused.reasonName());
    }

    @Test
    @Order(1)
    void theKeyGoesOnlyToAConfirmedHolderAndOpensTheFilm() throws Exception {
        try (BoxClient client = throughRelay(buyer)) {
            List<Envelope> catalog = client.catalog();
            assertEquals(1, catalog.size());
            StoreItem entry = StoreItem.verify(catalog.get(0));
            assertEquals(box.did(), entry.box(), "the entry is signed by the box that sells it");
            assertEquals("Testsrc at dusk", entry.title());
            assertEquals(film.metadataUri(), "elastos://" + box.did().value() + "/store/" + film.contentIdHex());
            byte[] init = fetch(client, entry.files().get(0));
            assertTrue(fetch(client, entry.poster().orElseThrow()).length > 1000, "a poster");

            PlaybackKey playback = PlaybackKey.generate();
            long chainId = chain.profile().chainId();
            assertEquals(LicenseRefusal.Reason.NO_RIGHT, refusal(client, request(buyer.evmAddress(), playback, chainId, Instant.now()).sign(buyer)),
                    "refused before the purchase");

            Market market = Market.on(chain.rpc());
            new Transactions(chain.rpc(), buyer).submit(market.buyAccess(ContentId.of(film.contentId()), PRICE));
            chain.mine(1);
            assertEquals(LicenseRefusal.Reason.NO_RIGHT, refusal(client, request(buyer.evmAddress(), playback, chainId, Instant.now()).sign(buyer)),
                    "refused at one confirmation");
            chain.mine(1);
            LicenseRequest.Signed good = request(buyer.evmAddress(), playback, chainId, Instant.now()).sign(buyer);
            Envelope granted = ask(client, good);
            License license = License.verify(granted, box.did());
            assertEquals(buyer.evmAddress(), license.holder());

            assertEquals(LicenseRefusal.Reason.REPLAYED, refusal(client, good), "the same request twice");
            assertEquals(LicenseRefusal.Reason.BAD_SIGNATURE, refusal(client, signedByOther(playback, chainId)),
                    "signed by another account");
            assertEquals(LicenseRefusal.Reason.STALE,
                    refusal(client, request(buyer.evmAddress(), playback, chainId, Instant.now().minus(Duration.ofMinutes(6))).sign(buyer)));
            assertEquals(LicenseRefusal.Reason.WRONG_CHAIN,
                    refusal(client, request(buyer.evmAddress(), playback, 21, Instant.now()).sign(buyer)), "another chain");
            assertEquals(LicenseRefusal.Reason.BAD_SIGNATURE, refusal(client, new LicenseRequest.Signed(
                    request(buyer.evmAddress(), playback, chainId, Instant.now()), new byte[65])), "no signature at all");

            byte[] key = playback.open(license, Instant.now());
            assertThrows(Exception.class, () -> PlaybackKey.generate().open(license, Instant.now()), "another playback cannot open it");
            CencDecryptor.Protection protection = CencDecryptor.protectionOf(init);
            assertArrayEquals(film.contentId(), protection.keyId(), "the KID is the content id on chain");
            ByteArrayOutputStream clear = new ByteArrayOutputStream();
            clear.writeBytes(CencDecryptor.clearInit(init));
            CencDecryptor decryptor = new CencDecryptor(key);
            for (String segment : entry.files().subList(1, entry.files().size())) {
                clear.writeBytes(decryptor.segment(fetch(client, segment), protection));
            }
            Path decrypted = dir.resolve("decrypted.mp4");
            Files.write(decrypted, clear.toByteArray());
            assertEquals(TestFilms.frames(TestFilms.h264Aac(10)).get("0"), TestFilms.frames(decrypted).get("0"),
                    "the key from the license decrypts the film to the source's frames");

            assertKeyNowhere(key);
        }
    }

    /** A request that names the buyer as holder, signed by someone else. */
    private static LicenseRequest.Signed signedByOther(PlaybackKey playback, long chainId) {
        LicenseRequest forBuyer = request(buyer.evmAddress(), playback, chainId, Instant.now());
        LicenseRequest forOther = new LicenseRequest(forBuyer.contentId(), chainId, forBuyer.market(), other.evmAddress(),
                forBuyer.recipientKey(), forBuyer.nonce(), forBuyer.issuedAt());
        byte[] othersSignature = forOther.sign(other).signature();
        return new LicenseRequest.Signed(forBuyer, othersSignature);
    }

    @Test
    @Order(2)
    void theBuyersPlayerPlaysItThroughTheRelayWithTheKeyOnlyInItsKeyService() throws Exception {
        try (BoxClient client = throughRelay(buyer); PlaybackSession playback = new KeyService(Clock.systemUTC()).begin()) {
            LicenseRequest request = new LicenseRequest(film.contentId(), chain.profile().chainId(), chain.market(),
                    buyer.evmAddress(), playback.publicKey(), "player-" + System.nanoTime(), Instant.now());
            KeySlot slot = playback.open(ask(client, request.sign(buyer)), box.did(), film.contentId());
            StoreItem entry = client.verifiedItem(film.contentIdHex());
            LinkFilmSource source = new LinkFilmSource(client, film.contentIdHex());
            FilmPlan plan = FilmPlan.parse(source.fetch(entry.watch().orElseThrow().playlist()));
            AuditLog audit = new AuditLog(dir.resolve("player-audit.jsonl"), Clock.systemUTC());
            ByteArrayOutputStream played = new ByteArrayOutputStream();
            try (DecryptCapsule capsule = DecryptCapsule.load(source.fetch(plan.init()), slot, audit, dir.resolve("player"));
                 LoopbackBridge bridge = LoopbackBridge.open(plan, source, capsule)) {
                HttpClient http = HttpClient.newHttpClient();
                List<String> names = new ArrayList<>(List.of(plan.init()));
                plan.segments().forEach(segment -> names.add(segment.name()));
                for (String name : names) {
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(bridge.playlist().resolve(name)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, answer.statusCode(), name);
                    played.writeBytes(answer.body());
                }
            }
            Path decrypted = dir.resolve("played.mp4");
            Files.write(decrypted, played.toByteArray());
            assertEquals(TestFilms.frames(TestFilms.h264Aac(10)).get("0"), TestFilms.frames(decrypted).get("0"),
                    "what the bridge served is the source's picture, frame for frame");
            assertTrue(audit.entries().stream().anyMatch(e -> e.subject().equals("decrypt") && e.event().equals("grant")));
        }
    }

    @Test
    @Order(3)
    void aFilmPlaybackStartsForTheHolderAndIsRefusedWithItsReasonToAnyoneElse() throws Exception {
        AuditLog audit = new AuditLog(dir.resolve("playback-audit.jsonl"), Clock.systemUTC());
        KeyService keys = new KeyService(Clock.systemUTC());
        PlaybackException refused = assertThrows(PlaybackException.class, () -> FilmPlayback.start(throughRelay(other),
                film, other, chain.profile().chainId(), chain.market(), keys, audit, dir.resolve("player"), Clock.systemUTC(),
                step -> { }));
        assertEquals(PlaybackException.Reason.NO_RIGHT, refused.reason(), refused.getMessage());
        assertEquals("deny", audit.entries().get(audit.entries().size() - 1).event(), "the refusal is in the player's audit log");

        List<FilmPlayback.Step> steps = new ArrayList<>();
        URI playlist;
        try (FilmPlayback playback = FilmPlayback.start(throughRelay(buyer), film, buyer, chain.profile().chainId(),
                chain.market(), keys, audit, dir.resolve("player"), Clock.systemUTC(), steps::add)) {
            assertEquals(List.of(FilmPlayback.Step.LICENSE, FilmPlayback.Step.FETCHING, FilmPlayback.Step.READY), steps);
            assertEquals(10.0, playback.durationSeconds(), 0.5);
            assertTrue(playback.latestSeekSeconds() > 4 && playback.latestSeekSeconds() < playback.durationSeconds(),
                    "a seek stops short of the last segment: " + playback.latestSeekSeconds());
            playlist = playback.playlist();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(playlist).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().startsWith("#EXTM3U"), answer.body());
        }
        assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(playlist).build(),
                HttpResponse.BodyHandlers.ofString()), "the bridge closes with the playback");
        assertTrue(audit.entries().stream().anyMatch(e -> e.subject().equals("player") && e.event().equals("license")));
    }

    @Test
    @Order(4)
    void whileTheNodeIsStoppedTheBoxRefusesAndNeverGrants() throws Exception {
        chain.close();
        try (BoxClient client = throughRelay(buyer)) {
            PlaybackKey playback = PlaybackKey.generate();
            BoxRefusedException refused = assertThrows(BoxRefusedException.class,
                    () -> client.license(request(buyer.evmAddress(), playback, chain.profile().chainId(), Instant.now()).sign(buyer).toBytes()));
            assertEquals(LicenseRefusal.Reason.CHAIN_UNREACHABLE, LicenseRefusal.named(refused.reasonName()), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("cannot check your right: the chain is unreachable"), refused.getMessage());
        }
    }

    private static byte[] fetch(BoxClient client, String name) throws Exception {
        try (InputStream body = client.storeFile(film.contentIdHex(), name, 0).body()) {
            byte[] bytes = body.readAllBytes();
            everythingTheBoxSent.add(bytes);
            return bytes;
        }
    }

    /** The content key, in every form it could take, in no file of the box and nothing it sent but the license. */
    private static void assertKeyNowhere(byte[] key) throws Exception {
        List<byte[]> forms = List.of(key, HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(key), Base64.getUrlEncoder().withoutPadding().encode(key));
        try (Stream<Path> files = Files.walk(dir.resolve("box"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (byte[] form : forms) {
                    assertFalse(contains(bytes, form), "the content key is in " + dir.relativize(file));
                }
            }
        }
        for (byte[] sent : everythingTheBoxSent) {
            for (byte[] form : forms) {
                assertFalse(contains(sent, form), "the content key was sent in the clear");
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
