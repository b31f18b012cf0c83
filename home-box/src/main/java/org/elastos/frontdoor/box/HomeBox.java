package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elastos.frontdoor.link.InviteQr;
import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.LinkTls;
import org.elastos.frontdoor.link.PairingBeacon;
import org.elastos.frontdoor.link.PairingInvite;
import org.elastos.frontdoor.link.Sockets;
import org.elastos.frontdoor.link.ShortCode;
import org.elastos.frontdoor.link.relay.RelayRegistration;
import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.elastos.frontdoor.wallet.vault.AtomicFile;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The reference home box: a persistent box DID, the person's folders, the devices it has enrolled, and the link
 * API served over DID-pinned TLS on exactly the address it is given. Closing it closes every connection.
 */
public final class HomeBox implements AutoCloseable {
    public static final Duration DEFAULT_INVITE_LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final int IDLE_TIMEOUT_MS = 300_000;

    private final Path data;
    private final ChangeFeed changes;
    private final BoxState state;
    private final Clock clock;
    private final ServerSocket listener;
    private final LinkTls tls;
    private final BoxApi api;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "box-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<DidKey, Set<Socket>> open = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile RelayRegistration relay;

    private HomeBox(Path data, BoxState state, Clock clock, ServerSocket listener) throws IOException {
        this.data = data;
        this.changes = new ChangeFeed(data);
        this.state = state;
        this.clock = clock;
        this.listener = listener;
        this.tls = LinkTls.forIdentity(state.key(), did -> !state.devices().isRevoked(did), "a device this box has not revoked");
        this.api = new BoxApi(state, clock, this::disconnect, changes);
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

    /** Starts serving on {@code listen}, and through {@code relay} when one is given. */
    public static HomeBox start(Path data, InetSocketAddress listen, Optional<InetSocketAddress> relay, Clock clock)
            throws IOException {
        BoxState state = open(data, clock);
        ServerSocket listener = new ServerSocket();
        listener.bind(listen);
        HomeBox box = new HomeBox(data, state, clock, listener);
        relay.ifPresent(address -> box.relay = RelayRegistration.start(address, state.key(),
                socket -> box.connections.execute(() -> box.serve(socket))));
        Thread acceptor = new Thread(box::acceptLoop, "box-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        state.audit().record(state.key().did().value(), "start", "listening on " + box.address());
        box.announce();
        return box;
    }

    /** A fresh single-use invite naming this box's address. */
    public PairingInvite invite(Duration lifetime) {
        return invitation(lifetime).invite();
    }

    /** A fresh invite, and the code a person can type instead when the box has a relay to leave its beacon at. */
    public Invitation invitation(Duration lifetime) {
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
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    public AuditLog audit() {
        return state.audit();
    }

    public List<Device> devices() {
        return state.devices().all();
    }

    /** How many connections are open from {@code device} now. */
    public int openConnections(DidKey device) {
        return open.getOrDefault(device, Set.of()).size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    state.audit().record(state.key().did().value(), "error", "accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket raw) {
        DidKey peer = null;
        try (raw) {
            raw.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            SSLSocket socket;
            try {
                socket = tls.server(raw);
                peer = LinkTls.peerOf(socket);
            } catch (IOException refused) {
                state.audit().record("unknown:" + raw.getInetAddress().getHostAddress(), "deny",
                        "TLS handshake refused: " + refused.getMessage());
                return;
            }
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            open.computeIfAbsent(peer, did -> ConcurrentHashMap.newKeySet()).add(socket);
            if (state.devices().isRevoked(peer)) {
                return;
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!closed) {
                Optional<LinkHttp.Request> request = LinkHttp.readRequest(in);
                if (request.isEmpty()) {
                    return;
                }
                api.handle(request.get(), peer, out);
                // A refused upload leaves its body unread; it is skipped, not taken for the next request.
                request.get().body().transferTo(OutputStream.nullOutputStream());
            }
        } catch (SocketException closedUnderneath) {
            // Revoked, closed by the peer, or the box is stopping.
        } catch (IOException e) {
            state.audit().record(peer == null ? "unknown" : peer.value(), "error", "connection ended: " + e.getMessage());
        } finally {
            if (peer != null) {
                Set<Socket> sockets = open.get(peer);
                if (sockets != null) {
                    sockets.remove(raw);
                    sockets.removeIf(Socket::isClosed);
                }
            }
        }
    }

    /** Cuts every open connection of a device at once (after its revocation). */
    private void disconnect(DidKey device) {
        Set<Socket> sockets = open.remove(device);
        if (sockets != null) {
            sockets.forEach(Sockets::closeQuietly);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (relay != null) {
            relay.close();
        }
        Sockets.closeQuietly(listener);
        open.keySet().forEach(this::disconnect);
        Sockets.closeQuietly(changes);
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
