package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elastos.frontdoor.box.shop.BoxChains;
import org.elastos.frontdoor.box.shop.HalfMadeMachines;
import org.elastos.frontdoor.box.shop.LicenseDesk;
import org.elastos.frontdoor.box.shop.Shop;
import org.elastos.frontdoor.box.shop.VendingMachines;
import org.elastos.frontdoor.box.shop.Workshop;
import org.elastos.frontdoor.link.InviteQr;
import org.elastos.frontdoor.link.LinkTls;
import org.elastos.frontdoor.link.PairingBeacon;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.ShortCode;
import org.elastos.frontdoor.link.Sockets;
import org.elastos.frontdoor.link.relay.RelayRegistration;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reference home box: a persistent box DID, the person's folders, the devices it has enrolled, and the link
 * API served over DID-pinned TLS on exactly the address it is given (and through its relay, if it has one), within
 * {@link BoxLimits}. Closing it closes every connection.
 */
public final class HomeBox implements AutoCloseable {
    public static final Duration DEFAULT_INVITE_LIFETIME = Duration.ofMinutes(10);
    /** An invite works for at most a day: a code on a screen should not outlive the afternoon it was shown in. */
    public static final Duration LONGEST_INVITE_LIFETIME = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RELAY_PATIENCE = Duration.ofSeconds(5);
    private static final long AUDIT_EVERY_SECONDS = 60;

    private final Path data;
    private final ChangeFeed changes;
    private final BoxState state;
    private final Clock clock;
    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final BoxServer server;
    private final ScheduledExecutorService auditing = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "box-audit");
        thread.setDaemon(true);
        return thread;
    });
    private final RelayPasses passes;
    private final BoxChains chains;
    private final Shop shop;
    private final Workshop workshop;
    private InetSocketAddress address;
    private volatile RelayRegistration relay;

    private HomeBox(Path data, BoxState state, Clock clock, BoxLimits limits) throws IOException {
        this.data = data;
        this.changes = new ChangeFeed(data);
        this.state = state;
        this.clock = clock;
        this.trail = new AuditTrail(state.audit(), clock);
        this.checkpoints = new AuditCheckpoints(state.audit(), state.key(), data.resolve("audit-head.json"), clock);
        LinkTls tls = LinkTls.forIdentity(state.key(), did -> !state.devices().isRevoked(did), "a device this box has not revoked");
        this.passes = RelayPasses.loadOrCreate(data.resolve("relay-pass.key"));
        this.chains = new BoxChains(data);
        this.shop = Shop.in(data, state.key());
        this.workshop = new Workshop(VendingMachines.over(data, shop, state.folders(), clock), chains, state.audit(), state.key().did().value());
        BoxServer[] serving = new BoxServer[1];
        BoxApi api = new BoxApi(state, clock, did -> serving[0].disconnect(did), trail, new Uploads(limits.diskReserve()),
                checkpoints::latest, passes, this::devicesChanged, shop, new LicenseDesk(shop, state.key(), chains, clock), workshop);
        this.server = new BoxServer(state, limits, tls, api, changes, trail);
        serving[0] = server;
    }

    /**
     * Finishes or takes back, against the chain, the vending machines a stop left half made (in the background: the
     * chain may be slow or out of reach, and the box serves meanwhile).
     */
    private void settleHalfMadeMachines() {
        Thread settling = new Thread(() -> {
            try {
                HalfMadeMachines.settle(shop, chains, state.audit(), state.key().did().value(), clock.instant(), HalfMadeMachines.GRACE);
            } catch (IOException | RuntimeException e) {
                state.audit().record(state.key().did().value(), "machine", "half-made machines were not settled: " + e.getMessage());
            }
        }, "box-machines");
        settling.setDaemon(true);
        settling.start();
    }

    /** Opens the box's data folder, creating what a new box needs, without listening. */
    static BoxState open(Path data, Clock clock) {
        try {
            Files.createDirectories(data);
            HostKey key = HostKey.loadOrCreate(data.resolve("box.key"), new SecureRandom());
            return new BoxState(key, name(data), new DeviceRegistry(data.resolve("devices.json")),
                    new InviteBook(data.resolve("invites.json"), clock),
                    DeviceTokens.loadOrCreate(data.resolve("token-root.key"), new SecureRandom()),
                    new BoxFolders(data), new AuditLog(data.resolve("audit.jsonl"), clock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the box's data folder " + data, e);
        }
    }

    /** Starts serving on {@code listen} (port 0 picks a free one). */
    public static HomeBox start(Path data, InetSocketAddress listen, Clock clock) throws IOException {
        return start(data, listen, Optional.empty(), clock);
    }

    /** Starts serving on {@code listen}, and through {@code relay} when one is given, within the default limits. */
    public static HomeBox start(Path data, InetSocketAddress listen, Optional<InetSocketAddress> relay, Clock clock)
            throws IOException {
        return start(data, listen, relay, clock, BoxLimits.DEFAULT);
    }

    /**
     * Starts serving. Before anything else it seals a torn last line of the audit log (left by a crash or a full
     * disk) and removes the temporary files of uploads a killed box never finished.
     */
    public static HomeBox start(Path data, InetSocketAddress listen, Optional<InetSocketAddress> relay, Clock clock,
                                BoxLimits limits) throws IOException {
        BoxState state = open(data, clock);
        state.audit().sealTornTail();
        int stale = Uploads.removeStale(data, BoxFolders.FOLDERS);
        if (stale > 0) {
            state.audit().record(state.key().did().value(), "cleanup", "removed " + stale + " unfinished upload"
                    + (stale == 1 ? "" : "s") + " left by a box that stopped mid-upload");
        }
        HomeBox box = new HomeBox(data, state, clock, limits);
        try {
            box.address = box.server.bind(listen);
            relay.ifPresent(at -> box.relay = RelayRegistration.start(at, state.key(),
                    channel -> box.server.adopt(channel, "relay " + at.getHostString() + ":" + at.getPort()),
                    () -> box.passes.activeHashes(state.devices())));
            state.audit().record(state.key().did().value(), "start", "listening on " + box.address());
            box.auditing.scheduleWithFixedDelay(box::flushAudit, AUDIT_EVERY_SECONDS, AUDIT_EVERY_SECONDS, TimeUnit.SECONDS);
            box.announce();
            box.settleHalfMadeMachines();
        } catch (IOException | RuntimeException e) {
            box.close();
            throw e;
        }
        return box;
    }

    /** A device was let in or shut out: the relay learns which passes let devices into their share. */
    private void devicesChanged() {
        RelayRegistration registration = relay;
        if (registration != null) {
            registration.passesChanged();
        }
    }

    /** Writes the strangers' summaries and signs a checkpoint of the log's head; the box does it every minute. */
    void flushAudit() {
        try {
            trail.flush();
            checkpoints.sign();
        } catch (RuntimeException e) {
            // A full disk: the summaries stay counted and the next minute tries again.
        }
    }

    /** A fresh single-use invite naming this box's address. */
    public PairingInvite invite(Duration lifetime) {
        return invitation(lifetime).invite();
    }

    /** A fresh invite, and the code a person can type instead when the box has a relay to leave its beacon at. */
    public Invitation invitation(Duration lifetime) {
        RelayRegistration registration = relay;
        if (registration != null) {
            registration.awaitRegistered(RELAY_PATIENCE);
        }
        return invite(state, endpoints(), lifetime, clock);
    }

    /**
     * Where the box can be reached: the address it listens on (every up, non-loopback IPv4 address of this machine
     * when it listens on all of them), then its relay.
     */
    public List<URI> endpoints() {
        List<URI> endpoints = new ArrayList<>();
        InetAddress bound = address().getAddress();
        List<InetAddress> hosts = bound.isAnyLocalAddress() ? lanAddresses() : List.of(bound);
        for (InetAddress host : hosts) {
            endpoints.add(URI.create("tls://" + host.getHostAddress() + ":" + address().getPort()));
        }
        if (relay != null) {
            InetSocketAddress at = relay.relay();
            String host = at.getAddress() != null ? at.getAddress().getHostAddress() : at.getHostString();
            endpoints.add(URI.create("relay://" + host + ":" + at.getPort()));
        }
        return endpoints;
    }

    private static List<InetAddress> lanAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (network.isUp() && !network.isLoopback()) {
                    Collections.list(network.getInetAddresses()).stream()
                            .filter(address -> address instanceof Inet4Address).forEach(addresses::add);
                }
            }
        } catch (SocketException e) {
            // No interfaces to list: the relay, if any, still reaches the box.
        }
        return addresses;
    }

    /** Whether the box is registered with its relay now (false without one). */
    public boolean isRelayed() {
        return relay != null && relay.isRegistered();
    }

    /** Tells `frontdoor box invite` where this box listens, so its invites name the right address. */
    private void announce() throws IOException {
        var list = JSON.createArrayNode();
        endpoints().forEach(endpoint -> list.add(endpoint.toString()));
        AtomicFile.write(data.resolve("box-endpoints.json"), JSON.writeValueAsBytes(JSON.createObjectNode().set("endpoints", list)));
    }

    static List<URI> announcedEndpoints(Path data) {
        Path file = data.resolve("box-endpoints.json");
        try {
            List<URI> endpoints = new ArrayList<>();
            JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("endpoints")
                    .forEach(node -> endpoints.add(URI.create(node.asText())));
            return endpoints;
        } catch (IOException e) {
            throw new IllegalStateException("no running box has announced its address in " + data
                    + "; start it with `frontdoor box --data " + data + " --listen HOST:PORT`", e);
        }
    }

    /**
     * The secret comes from a short code (60 bits: it works once, for minutes, and only with a TLS handshake per
     * guess), so the QR code and the typed code are the same invite. With a relay among the endpoints, the box leaves
     * a signed, secret-free beacon there under the code's lookup id; without one, or when the relay cannot be
     * reached, the invite has no typed code.
     */
    static Invitation invite(BoxState state, List<URI> endpoints, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_INVITE_LIFETIME) > 0) {
            throw new IllegalArgumentException("an invite works for a moment to at most a day, not " + lifetime);
        }
        ShortCode code = ShortCode.generate(new SecureRandom());
        PairingInvite invite = new PairingInvite(state.key().did(), state.name(), endpoints, code.secret(),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS));
        state.invites().remember(invite);
        state.audit().record(state.key().did().value(), "invite", "made, expires " + invite.expiresAt());
        Optional<ShortCode> typed = Optional.empty();
        for (URI relay : endpoints.stream().filter(e -> "relay".equals(e.getScheme())).toList()) {
            try {
                RelayRegistration.publishBeacon(new InetSocketAddress(relay.getHost(), relay.getPort()), state.key(),
                        code.lookupId(), PairingBeacon.sign(state.key(), invite));
                typed = Optional.of(code);
            } catch (IOException e) {
                state.audit().record(state.key().did().value(), "error", "no typed code: the relay " + relay
                        + " did not keep the beacon (" + e.getMessage() + ")");
            }
        }
        return new Invitation(invite, typed);
    }

    /** An invite, and the code a person can type for it when there is one. */
    public record Invitation(PairingInvite invite, Optional<ShortCode> code) {
    }

    public String inviteLink(PairingInvite invite) {
        return invite.link(state.key());
    }

    /** Writes the invite's QR code to {@code DATA/pairing-qr.png}, whole or not at all, and returns that path. */
    public Path writePairingQr(PairingInvite invite) {
        return writePairingQr(state, invite, data);
    }

    static Path writePairingQr(BoxState state, PairingInvite invite, Path data) {
        Path png = data.resolve("pairing-qr.png");
        try {
            AtomicFile.write(png, InviteQr.png(invite.link(state.key()), 8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
        return png;
    }

    public DidKey did() {
        return state.key().did();
    }

    public String name() {
        return state.name();
    }

    public InetSocketAddress address() {
        return address;
    }

    public AuditLog audit() {
        return state.audit();
    }

    public List<Device> devices() {
        return state.devices().all();
    }

    /** How many connections are open from {@code device} now. */
    public int openConnections(DidKey device) {
        return server.openConnections(device);
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        Sockets.closeQuietly(changes);
        server.close();
        workshop.close();
        chains.close();
        auditing.shutdownNow();
        flushAudit();
    }

    /** The box's name from {@code box.json}, written the first time from this machine's host name. */
    private static String name(Path data) throws IOException {
        Path file = data.resolve("box.json");
        if (!Files.exists(file)) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "home";
            }
            AtomicFile.write(file, JSON.createObjectNode().put("name", host + " box").toString().getBytes(StandardCharsets.UTF_8));
        }
        JsonNode body = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        return body.path("name").asText("home box");
    }
}
