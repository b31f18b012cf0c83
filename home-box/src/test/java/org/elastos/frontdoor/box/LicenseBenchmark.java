package org.elastos.frontdoor.box;

import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.link.StoreItem;
import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.market.ContentId;
import org.elastos.frontdoor.market.DevChain;
import org.elastos.frontdoor.market.HardhatProject;
import org.elastos.frontdoor.market.Market;
import org.elastos.frontdoor.market.Transactions;
import org.elastos.frontdoor.media.FilmPackager;
import org.elastos.frontdoor.media.TestFilms;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseRequest;
import org.elastos.frontdoor.media.license.PlaybackKey;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.testing.TestAccounts;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Request to license on loopback, median of 20: a fresh playback key, the request signed by the buyer's wallet, the
 * box's checks (the rights check asks a real Hardhat node), the key sealed, the license verified and opened. Against
 * a bare GET /info on the same link in the same run. Run on demand:
 * {@code scripts/benchmark.sh home-box org.elastos.frontdoor.box.LicenseBenchmark}.
 */
public final class LicenseBenchmark {
    private static final BigInteger PRICE = BigInteger.TEN.pow(18);

    private LicenseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("license-bench");
        Signer seller = TestAccounts.signer(dir.resolve("seller"), TestAccounts.SELLER);
        Signer buyer = TestAccounts.signer(dir.resolve("buyer"), TestAccounts.BUYER);
        try (DevChain chain = DevChain.start(HardhatProject.locate(), Map.of("seller", seller.evmAddress(), "buyer", buyer.evmAddress()),
                PRICE.multiply(BigInteger.TEN))) {
            Path data = dir.resolve("box");
            Shop shop = Shop.in(data, HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom()));
            StoreItem.Listed where = new StoreItem.Listed(chain.profile().chainId(), chain.market());
            StoreItem film = shop.addFilm(TestFilms.h264Aac(6), "Bench", "", Optional.empty(), Optional.of(where),
                    new FilmPackager(), fraction -> { });
            Market market = Market.on(chain.rpc());
            new Transactions(chain.rpc(), seller).submit(market.list(ContentId.of(film.contentId()), PRICE, film.metadataUri()));
            shop.listed(film.contentId(), where);
            new BoxChains(data).remember(where.chainId(), chain.rpcUrl());
            new Transactions(chain.rpc(), buyer).submit(market.buyAccess(ContentId.of(film.contentId()), PRICE));
            chain.mine(2);
            try (HomeBox box = HomeBox.start(data, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
                 BoxClient client = BoxClient.connect(box.endpoints().get(0), box.did(), buyer.device())) {
                long[] licenses = new long[20];
                long[] infos = new long[20];
                for (int round = -3; round < licenses.length; round++) {
                    Thread.sleep(150);   // a buyer is a stranger to the box: at most 20 requests a second
                    long start = System.nanoTime();
                    client.info();
                    long info = System.nanoTime() - start;
                    start = System.nanoTime();
                    PlaybackKey playback = PlaybackKey.generate();
                    byte[] nonce = new byte[12];
                    new SecureRandom().nextBytes(nonce);
                    LicenseRequest request = new LicenseRequest(film.contentId(), where.chainId(), where.market(),
                            buyer.evmAddress(), playback.publicKey(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
                            Instant.now());
                    License license = License.verify(client.license(request.sign(buyer).toBytes()), box.did());
                    playback.open(license, Instant.now());
                    if (round >= 0) {
                        licenses[round] = System.nanoTime() - start;
                        infos[round] = info;
                    }
                }
                Arrays.sort(licenses);
                Arrays.sort(infos);
                double license = licenses[licenses.length / 2] / 1e6;
                double info = infos[infos.length / 2] / 1e6;
                System.out.printf("on loopback, median of %d:%n", licenses.length);
                System.out.printf("  GET /info on the same link (baseline)        %6.2f ms   1.0x%n", info);
                System.out.printf("  request to license (sign, check the chain,   %6.2f ms   %.1fx%n", license, license / info);
                System.out.printf("  seal, verify, open)%n");
            }
        }
    }
}
