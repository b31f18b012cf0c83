package org.elastos.frontdoor.views.store;

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
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small market on real parts, for the Store's and the player's tests: a Hardhat node with the market, a seller's
 * box behind a carrier relay selling two ffmpeg-made films (dusk at 2.5, dawn at 1), a copycat listing pointing at
 * dawn's entry, a third film of the box listed first by someone else (its entry names the box's seller, so the
 * listing is not believed), a listing whose DID is malformed, and one whose box is gone. The buyer holds 10 devELA,
 * the poor account 1.2.
 */
public final class SellerWorld implements AutoCloseable {
    public static final ContentId COPYCAT = ContentId.parse("0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0");
    public static final ContentId GONE = ContentId.parse("0x0badbadbadbadbadbadbadbadbadbad0");
    /** Listed with a metadata URI shaped like ours whose DID is not one. */
    public static final ContentId BAD_DID = ContentId.parse("0xbdbdbdbdbdbdbdbdbdbdbdbdbdbdbdbd");

    public final Path dir;
    public final DevChain chain;
    public final CarrierRelay relay;
    public final HomeBox box;
    public final Signer seller;
    public final Signer buyer;
    public final Signer poor;
    public final StoreItem dusk;
    public final StoreItem dawn;
    public final StoreItem frontRun;

    private SellerWorld(Path dir, DevChain chain, CarrierRelay relay, HomeBox box, Signer seller, Signer buyer, Signer poor,
            StoreItem dusk, StoreItem dawn, StoreItem frontRun) {
        this.dir = dir;
        this.chain = chain;
        this.relay = relay;
        this.box = box;
        this.seller = seller;
        this.buyer = buyer;
        this.poor = poor;
        this.dusk = dusk;
        this.dawn = dawn;
        this.frontRun = frontRun;
    }

    public static SellerWorld open(Path dir, int filmSeconds) throws Exception {
        Signer seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        Signer buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        Signer poor = TestAccounts.signer(dir.resolve("poor"), TestAccounts.PARTNER);
        Map<String, EvmAddress> accounts = new LinkedHashMap<>();
        accounts.put("seller", seller.evmAddress());
        accounts.put("buyer", buyer.evmAddress());
        DevChain chain = DevChain.start(HardhatProject.locate(), accounts, Coin.ELA.parse("10"));
        CarrierRelay relay = null;
        HomeBox box = null;
        try {
            EvmAddress node = chain.rpc().nodeAccounts().get(0);
            chain.rpc().sendFromNodeAccount(node, Optional.of(poor.evmAddress()), Coin.ELA.parse("1.2"), "0x");
            relay = CarrierRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), RelayLimits.DEFAULT);
            Path data = dir.resolve("box");
            box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(relay.address()),
                    Clock.systemUTC());
            Shop shop = Shop.in(data, HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()));
            StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
            Path film = TestFilms.h264Aac(filmSeconds);
            StoreItem dusk = shop.addFilm(film, "Testsrc at dusk", "A moving pattern and a tone.", Optional.empty(),
                    Optional.of(where), new FilmPackager(), fraction -> { });
            StoreItem dawn = shop.addFilm(film, "Testsrc at dawn", "The same pattern, earlier.", Optional.empty(),
                    Optional.of(where), new FilmPackager(), fraction -> { });
            Market market = Market.on(chain.rpc());
            Transactions sales = new Transactions(chain.rpc(), seller);
            sales.submit(market.list(ContentId.of(dusk.contentId()), Coin.ELA.parse("2.5"), dusk.metadataUri()));
            sales.submit(market.list(ContentId.of(dawn.contentId()), Coin.ELA.parse("1"), dawn.metadataUri()));
            StoreItem.Listed sold = new StoreItem.Listed(where.chainId(), where.market(), seller.evmAddress());
            dusk = shop.listed(dusk.contentId(), sold);
            dawn = shop.listed(dawn.contentId(), sold);
            sales.submit(market.list(COPYCAT, Coin.ELA.parse("0.5"), dawn.metadataUri()));
            StoreItem frontRun = shop.addFilm(film, "Testsrc at noon", "Listed first by someone else.", Optional.empty(),
                    Optional.of(where), new FilmPackager(), fraction -> { });
            new Transactions(chain.rpc(), buyer).submit(market.list(ContentId.of(frontRun.contentId()), Coin.ELA.parse("0.1"),
                    frontRun.metadataUri()));
            frontRun = shop.listed(frontRun.contentId(), sold);
            String notADid = "did:key:z" + "1".repeat(48);
            sales.submit(market.list(BAD_DID, Coin.ELA.parse("0.2"), "elastos://" + notADid + "/store/" + BAD_DID.hex()));
            String goneBox = HostKey.loadOrCreate(dir.resolve("gone.key"), new SecureRandom()).did().value();
            sales.submit(market.list(GONE, Coin.ELA.parse("3"), "elastos://" + goneBox + "/store/" + GONE.hex()));
            new BoxChains(data).remember(chain.profile().chainId(), chain.rpcUrl());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!box.isRelayed() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return new SellerWorld(dir, chain, relay, box, seller, buyer, poor, dusk, dawn, frontRun);
        } catch (Exception | Error e) {
            closeAll(box, relay, chain);
            throw e;
        }
    }

    public StoreSetup setup(URI rpc) {
        return new StoreSetup(new ChainChoice("dev", Optional.of(rpc), Optional.of(chain.market()), dir),
                BigInteger.ZERO, List.of(URI.create("relay://127.0.0.1:" + relay.address().getPort())));
    }

    public Marketplace marketplace(Signer account) {
        return new Marketplace(setup(chain.rpcUrl()), () -> account);
    }

    /** Buys {@code item} for {@code account} and mines until the purchase counts. */
    public void buy(Signer account, StoreItem item) {
        Market market = Market.on(chain.rpc());
        new Transactions(chain.rpc(), account).submit(Checkout.purchase(market, ContentId.of(item.contentId())));
        chain.mine(chain.profile().confirmations());
    }

    @Override
    public void close() {
        closeAll(box, relay, chain);
    }

    private static void closeAll(AutoCloseable... running) {
        for (AutoCloseable each : running) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception ignored) {
                // Stopping anyway.
            }
        }
    }
}
