package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.BoxConnector;
import org.elastos.frontdoor.link.LinkTls;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The link's figures on loopback: time from invite to paired; a 256 MiB download direct and through the relay, as
 * ratios to plain loopback TLS (the same certificates, no HTTP, no relay) measured in the same run; and 100
 * concurrent downloads through one relay. Best of three for each throughput.
 *
 * <pre>scripts/benchmark.sh home-box org.elastos.frontdoor.box.LinkBenchmark</pre>
 */
public final class LinkBenchmark {
    private static long BIG = 256L << 20;
    private static final int SMALL = 4 << 20;
    private static final int CONCURRENT = 100;

    private LinkBenchmark() {
    }

    /** @param args optionally the size of the large download in MiB (default 256) */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            BIG = Long.parseLong(args[0]) << 20;
        }
        Path dir = Files.createTempDirectory("link-bench");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (CarrierRelay relay = CarrierRelay.start(new InetSocketAddress(loopback, 0),
                new RelayLimits(2 * CONCURRENT + 1, 2 * CONCURRENT, 4 * CONCURRENT, 8, Duration.ofMinutes(5), 1L << 40));
             HomeBox box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(loopback, 0), Optional.of(relay.address()),
                     Clock.systemUTC())) {
            while (!box.isRelayed()) {
                Thread.sleep(20);
            }
            Path big = dir.resolve("box").resolve("Films").resolve("big.bin");
            writeRandom(big, BIG);
            writeRandom(dir.resolve("box").resolve("Films").resolve("small.bin"), SMALL);
            URI direct = box.endpoints().get(0);
            URI relayed = box.endpoints().get(1);

            long[] pairing = new long[20];
            String token = null;
            HostKey device = null;
            List<HostKey> devices = new ArrayList<>();
            for (int i = 0; i < pairing.length; i++) {
                HostKey fresh = HostKey.loadOrCreate(dir.resolve("device-" + i + ".key"), new SecureRandom());
                devices.add(fresh);
                PairingInvite invite = box.invite(HomeBox.DEFAULT_INVITE_LIFETIME);
                long start = System.nanoTime();
                try (BoxClient client = BoxConnector.connect(invite.endpoints(), invite.boxDid(), fresh).client()) {
                    BoxClient.Enrollment enrollment = client.pair(invite, "bench " + i);
                    pairing[i] = System.nanoTime() - start;
                    if (i == 0) {
                        token = enrollment.token().orElseThrow();
                        device = fresh;
                    }
                }
            }
            Arrays.sort(pairing);

            HostKey owner = device;
            String ownerToken = token;
            // The other nineteen are let in, so the concurrent downloads come from many devices, as they would.
            List<String> tokens = new ArrayList<>(List.of(ownerToken));
            try (BoxClient approving = BoxClient.connect(direct, box.did(), owner).withToken(ownerToken)) {
                for (HostKey other : devices.subList(1, devices.size())) {
                    approving.approve(other.did());
                    try (BoxClient client = BoxClient.connect(direct, box.did(), other)) {
                        tokens.add(client.enrollment().token().orElseThrow());
                    }
                }
            }
            long[] roundTrips = new long[200];
            try (BoxClient client = BoxClient.connect(direct, box.did(), owner).withToken(ownerToken)) {
                client.info();
                for (int i = 0; i < roundTrips.length; i++) {
                    long begin = System.nanoTime();
                    client.info();
                    roundTrips[i] = System.nanoTime() - begin;
                }
            }
            Arrays.sort(roundTrips);
            double plain = best(() -> plainTls(owner, big));
            double viaBox = best(() -> download(direct, box, owner, ownerToken, "Films/big.bin"));
            double viaRelay = best(() -> download(relayed, box, owner, ownerToken, "Films/big.bin"));

            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT, runnable -> {
                Thread thread = new Thread(runnable, "download");
                thread.setDaemon(true);
                return thread;
            });
            long start = System.nanoTime();
            List<Future<Long>> downloads = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                HostKey who = devices.get(i % devices.size());
                String whose = tokens.get(i % devices.size());
                downloads.add(pool.submit(() -> {
                    try (BoxClient client = BoxConnector.connect(List.of(relayed), box.did(), who).client().withToken(whose);
                         InputStream body = client.read("Films/small.bin", 0).body()) {
                        return body.transferTo(OutputStream.nullOutputStream());
                    }
                }));
            }
            long total = 0;
            for (Future<Long> download : downloads) {
                total += download.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();

            System.out.printf("invite to paired (median of %d, loopback): %.1f ms (fastest %.1f ms)%n",
                    pairing.length, pairing[pairing.length / 2] / 1e6, pairing[0] / 1e6);
            System.out.printf("round trip on a kept connection (GET /info, median of %d): %.2f ms (p99 %.2f ms)%n",
                    roundTrips.length, roundTrips[roundTrips.length / 2] / 1e6, roundTrips[roundTrips.length * 99 / 100] / 1e6);
            System.out.printf("%d MiB, best of 3:%n", BIG >> 20);
            System.out.printf("  plain loopback TLS 1.3 (baseline)   %8.0f MiB/s   1.00x%n", plain);
            System.out.printf("  the link, direct                    %8.0f MiB/s   %.2fx%n", viaBox, viaBox / plain);
            System.out.printf("  the link, through the relay         %8.0f MiB/s   %.2fx%n", viaRelay, viaRelay / plain);
            System.out.printf("%d concurrent 4 MiB downloads through one relay: %.1f s, %.0f MiB/s together, %d of %d bytes%n",
                    CONCURRENT, seconds, total / seconds / (1 << 20), total, (long) CONCURRENT * SMALL);
        }
    }

    private interface Run {
        double mibPerSecond() throws Exception;
    }

    private static double best(Run run) throws Exception {
        double best = 0;
        for (int i = 0; i < 3; i++) {
            best = Math.max(best, run.mibPerSecond());
        }
        return best;
    }

    private static double download(URI endpoint, HomeBox box, HostKey device, String token, String path) throws Exception {
        long start = System.nanoTime();
        long read;
        try (BoxClient client = BoxConnector.connect(List.of(endpoint), box.did(), device).client().withToken(token);
             InputStream body = client.read(path, 0).body()) {
            read = body.transferTo(OutputStream.nullOutputStream());
        }
        if (read != BIG) {
            throw new IllegalStateException("read " + read + " bytes of " + BIG);
        }
        return BIG / ((System.nanoTime() - start) / 1e9) / (1 << 20);
    }

    /** The same file over a bare TLS 1.3 socket with link certificates: what the link cannot beat. */
    private static double plainTls(HostKey client, Path file) throws Exception {
        HostKey server = HostKey.loadOrCreate(file.resolveSibling("plain-server.key"), new SecureRandom());
        LinkTls serverSide = LinkTls.forIdentity(server, did -> true, "any");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread sender = new Thread(() -> {
                try (SSLSocket socket = serverSide.server(listener.accept()); InputStream in = Files.newInputStream(file)) {
                    OutputStream out = socket.getOutputStream();
                    byte[] buffer = new byte[64 * 1024];   // the box's buffer size, so only the link's own work differs
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        out.write(buffer, 0, read);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            long start = System.nanoTime();
            long read;
            try (SSLSocket socket = LinkTls.toBox(client, server.did()).client(new Socket(listener.getInetAddress(), listener.getLocalPort()))) {
                read = socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            sender.join();
            if (read != BIG) {
                throw new IllegalStateException("read " + read + " bytes of " + BIG);
            }
            return BIG / ((System.nanoTime() - start) / 1e9) / (1 << 20);
        }
    }

    private static void writeRandom(Path file, long size) throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }
}
