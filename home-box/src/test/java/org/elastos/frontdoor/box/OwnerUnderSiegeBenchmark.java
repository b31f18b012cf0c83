package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.BoxClient;
import org.elastos.frontdoor.link.LinkHttp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The owner's request latency while strangers besiege the box: 200 strangers hold TLS connections and 10 flood it with
 * requests it refuses, against the same owner with no strangers, in the same run. Also what the siege added to the
 * audit log (summaries only, not an entry per refusal). Run on demand:
 * {@code scripts/benchmark.sh home-box org.elastos.frontdoor.box.OwnerUnderSiegeBenchmark}.
 */
public final class OwnerUnderSiegeBenchmark {
    private static final int REQUESTS = 1000;
    private static final int HOLDERS = 200;
    private static final int FLOODERS = 10;

    private OwnerUnderSiegeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("siege-bench");
        try (HomeBox box = HomeBox.start(dir.resolve("box"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.empty(), Clock.systemUTC(), BoxLimits.DEFAULT);
             BoxClient owner = BoxUnderAttackTest.pairOwner(box, Stranger.freshKey(dir, "owner"))) {
            measure(owner);   // warm up
            long[] calm = measure(owner);

            List<Stranger> holders = new ArrayList<>();
            for (int i = 0; i < HOLDERS; i++) {
                InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, 1, (byte) (1 + i % 200)});
                Stranger holder = Stranger.over(Stranger.tcp(from, box.address()), Stranger.freshKey(dir, "holder-" + i), box.did());
                holder.request("GET", "/info");
                holders.add(holder);
            }
            box.flushAudit();
            long entriesBefore = box.audit().entries().size();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong refused = new AtomicLong();
            List<Thread> flooders = new ArrayList<>();
            for (int i = 0; i < FLOODERS; i++) {
                InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, 2, (byte) (1 + i)});
                Stranger flooder = Stranger.over(Stranger.tcp(from, box.address()), Stranger.freshKey(dir, "flooder-" + i), box.did());
                Thread thread = new Thread(() -> {
                    try (flooder) {
                        while (!stop.get()) {
                            LinkHttp.Response response = flooder.request("GET", "/list?path=Personal");
                            if (response.status() >= 400) {
                                refused.incrementAndGet();
                            }
                        }
                    } catch (Exception closed) {
                        // The box hung up on it.
                    }
                });
                thread.setDaemon(true);
                thread.start();
                flooders.add(thread);
            }
            Thread.sleep(1000);
            long[] besieged = measure(owner);
            stop.set(true);
            for (Thread flooder : flooders) {
                flooder.join(5000);
            }
            box.flushAudit();
            long added = box.audit().entries().size() - entriesBefore;
            for (Stranger holder : holders) {
                holder.close();
            }

            System.out.printf("owner GET /list, %d requests, one after another on a kept connection%n", REQUESTS);
            System.out.printf("  no strangers (baseline)                      median %6.2f ms   p99 %6.2f ms%n", ms(calm, 50), ms(calm, 99));
            System.out.printf("  %d strangers holding, %d flooding              median %6.2f ms   p99 %6.2f ms   (%.1fx, %.1fx)%n",
                    HOLDERS, FLOODERS, ms(besieged, 50), ms(besieged, 99), ms(besieged, 50) / ms(calm, 50), ms(besieged, 99) / ms(calm, 99));
            System.out.printf("  the flood: %d requests refused; the audit log grew by %d entries: the owner's %d requests and %d"
                    + " summaries of the strangers%n", refused.get(), added, REQUESTS, added - REQUESTS);
        }
    }

    private static long[] measure(BoxClient owner) {
        long[] took = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            owner.list("Films");
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        return took;
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
