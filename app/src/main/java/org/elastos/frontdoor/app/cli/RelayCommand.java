package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.link.relay.CarrierRelay;
import org.elastos.frontdoor.link.relay.RelayLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "relay", description = {
        "Run a carrier relay: boxes behind NAT register with it by DID, apps reach them through it.",
        "It splices bytes and sees only TLS ciphertext. Runs until interrupted."})
final class RelayCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "the one address to listen on")
    String listen;

    @Option(names = "--sessions-per-box", defaultValue = "256", paramLabel = "N",
            description = "spliced connections to one box at once, from everyone (default ${DEFAULT-VALUE})")
    int sessionsPerBox;
    @Option(names = "--sessions-per-client-per-box", defaultValue = "32", paramLabel = "N",
            description = "of those, how many one client address may hold; fewer than --sessions-per-box (default ${DEFAULT-VALUE})")
    int sessionsPerClientPerBox;
    @Option(names = "--connections-per-client", defaultValue = "64", paramLabel = "N",
            description = "spliced connections one client address may hold to all boxes (default ${DEFAULT-VALUE})")
    int connectionsPerClient;
    @Option(names = "--boxes-per-address", defaultValue = "8", paramLabel = "N",
            description = "boxes that may register from one address (default ${DEFAULT-VALUE})")
    int boxesPerAddress;
    @Option(names = "--idle-seconds", defaultValue = "300", paramLabel = "S") int idleSeconds;
    @Option(names = "--max-bytes-per-session", defaultValue = "68719476736", paramLabel = "BYTES") long bytesPerSession;

    @Override
    public Integer call() throws Exception {
        RelayLimits limits;
        try {
            limits = new RelayLimits(sessionsPerBox, sessionsPerClientPerBox, connectionsPerClient, boxesPerAddress,
                    Duration.ofSeconds(idleSeconds), bytesPerSession);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (CarrierRelay relay = CarrierRelay.start(BoxCommand.address(listen), limits)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                relay.close();
                stopped.countDown();
            }, "relay-stop"));
            System.out.println("relay listening on " + relay.address());
            System.out.flush();
            stopped.await();
        }
        return 0;
    }
}
