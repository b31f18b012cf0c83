package org.elastos.frontdoor.link.relay;

import org.elastos.frontdoor.link.Sockets;
import org.elastos.frontdoor.wallet.did.DidKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The carrier relay: boxes behind NAT keep a registered control connection here, proven by signing a challenge with
 * their DID; an app asks for a box by DID, and the relay splices its connection to a fresh one from the box. TLS
 * runs end to end through the splice, so the relay carries only ciphertext. Limits per box and per client address
 * keep one party from starving the rest.
 */
public final class CarrierRelay implements AutoCloseable {
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final long PING_EVERY_MS = 15_000;
    private static final int CONTROL_TIMEOUT_MS = 45_000;
    private static final int BEACONS_PER_BOX = 8;
    private static final Duration BEACON_LIFETIME = Duration.ofHours(12);
    private static final int BEACONS_IN_ALL = 10_000;

    private final ServerSocket listener;
    private final RelayLimits limits;
    private final BiConsumer<Boolean, byte[]> tap;
    private final SecureRandom random = new SecureRandom();
    private final Map<DidKey, Control> boxes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Socket>> pending = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Set<Socket> spliced = ConcurrentHashMap.newKeySet();
    private final Map<String, Beacon> beacons = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** The box's registered control connection; INCOMING lines are written to it one at a time. */
    private static final class Control {
        final Socket socket;
        final OutputStream out;
        final AtomicInteger sessions = new AtomicInteger();

        Control(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void send(String line) throws IOException {
            RelayProtocol.send(out, line);
        }
    }

    private CarrierRelay(ServerSocket listener, RelayLimits limits, BiConsumer<Boolean, byte[]> tap) {
        this.listener = listener;
        this.limits = limits;
        this.tap = tap;
    }

    public static CarrierRelay start(InetSocketAddress listen, RelayLimits limits) throws IOException {
        return start(listen, limits, (toBox, bytes) -> { });
    }

    /**
     * @param tap sees every spliced byte ({@code true} for app to box); tests use it to show the relay carries only
     *     ciphertext
     */
    public static CarrierRelay start(InetSocketAddress listen, RelayLimits limits, BiConsumer<Boolean, byte[]> tap)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(listen);
        CarrierRelay relay = new CarrierRelay(listener, limits, tap);
        relay.threads.execute(relay::acceptLoop);
        relay.threads.execute(relay::pingLoop);
        return relay;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    public boolean isRegistered(DidKey box) {
        return boxes.containsKey(box);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                threads.execute(() -> greet(socket));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void greet(Socket socket) {
        try {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            String line = RelayProtocol.read(socket.getInputStream());
            if (line.startsWith("BOX ")) {
                register(socket, line.substring(4).strip());
            } else if (line.startsWith("BEACON ")) {
                keepBeacon(socket, line.substring(7).strip());
            } else if (line.startsWith("LOOKUP ")) {
                lookUp(socket, line.substring(7).strip());
            } else if (line.startsWith("CONNECT ")) {
                connect(socket, line.substring(8).strip());
            } else if (line.startsWith("ACCEPT ")) {
                CompletableFuture<Socket> waiting = pending.remove(line.substring(7).strip());
                if (waiting == null) {
                    socket.close();
                } else {
                    waiting.complete(socket);
                }
            } else {
                socket.close();
            }
        } catch (IOException | RuntimeException e) {
            Sockets.closeQuietly(socket);
        }
    }

    /** A pairing beacon left by a box that proved its DID; a box keeps a few at most, each for minutes. */
    private record Beacon(DidKey box, String text, long expiresAtNanos) {
    }

    private void keepBeacon(Socket socket, String claimed) throws IOException {
        DidKey did = proven(socket, claimed);
        if (did == null) {
            return;
        }
        RelayProtocol.send(socket.getOutputStream(), "OK");
        String[] publish = RelayProtocol.read(socket.getInputStream()).split(" ");
        if (publish.length != 3 || !publish[0].equals("PUBLISH") || !publish[1].matches("[0-9a-f]{64}")) {
            refuse(socket, "expected PUBLISH lookup-id beacon");
            return;
        }
        synchronized (beacons) {
            beacons.values().removeIf(b -> b.expiresAtNanos() - System.nanoTime() < 0);
            List<String> ofThisBox = beacons.entrySet().stream().filter(e -> e.getValue().box().equals(did))
                    .map(Map.Entry::getKey).toList();
            if (ofThisBox.size() >= BEACONS_PER_BOX) {
                beacons.remove(ofThisBox.get(0));
            }
            if (beacons.size() >= BEACONS_IN_ALL) {
                beacons.remove(beacons.keySet().iterator().next());
            }
            beacons.put(publish[1], new Beacon(did, publish[2], System.nanoTime() + BEACON_LIFETIME.toNanos()));
        }
        RelayProtocol.send(socket.getOutputStream(), "OK");
        socket.close();
    }

    private void lookUp(Socket socket, String lookupId) throws IOException {
        Beacon beacon;
        synchronized (beacons) {
            beacon = beacons.get(lookupId);
        }
        if (beacon == null || beacon.expiresAtNanos() - System.nanoTime() < 0) {
            refuse(socket, "no box is waiting with that code here; check the code, or make a fresh one on the box");
            return;
        }
        RelayProtocol.send(socket.getOutputStream(), "FOUND " + beacon.text());
        socket.close();
    }

    /** CHALLENGE / SIGNATURE for a claimed DID; the DID when proven, or null after refusing the connection. */
    private DidKey proven(Socket socket, String claimed) throws IOException {
        DidKey did;
        try {
            did = DidKey.parse(claimed);
        } catch (RuntimeException e) {
            RelayProtocol.send(socket.getOutputStream(), "ERROR not a did:key");
            socket.close();
            return null;
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        RelayProtocol.send(socket.getOutputStream(), "CHALLENGE " + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge));
        String answer = RelayProtocol.read(socket.getInputStream());
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(answer.startsWith("SIGNATURE ") ? answer.substring(10).strip() : "");
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        if (signature.length != 64 || !did.verifies(RelayProtocol.registrationMessage(challenge), signature)) {
            RelayProtocol.send(socket.getOutputStream(), "ERROR the signature does not prove " + did);
            socket.close();
            return null;
        }
        return did;
    }

    private void register(Socket socket, String claimed) throws IOException {
        DidKey did = proven(socket, claimed);
        if (did == null) {
            return;
        }
        Control control = new Control(socket);
        Control replaced = boxes.put(did, control);
        if (replaced != null) {
            Sockets.closeQuietly(replaced.socket);
        }
        control.send("OK");
        socket.setSoTimeout(CONTROL_TIMEOUT_MS);
        try {
            InputStream in = socket.getInputStream();
            while (!closed) {
                RelayProtocol.read(in);   // PONG; anything else from a box is ignored
            }
        } catch (IOException gone) {
            // The box went away or stopped answering pings.
        } finally {
            boxes.remove(did, control);
            Sockets.closeQuietly(socket);
        }
    }

    private void connect(Socket client, String wanted) throws IOException {
        InetAddress from = client.getInetAddress();
        AtomicInteger open = perClient.computeIfAbsent(from, address -> new AtomicInteger());
        if (open.incrementAndGet() > limits.connectionsPerClient()) {
            open.decrementAndGet();
            refuse(client, "too many connections from this address");
            return;
        }
        try {
            DidKey did = DidKey.parse(wanted);
            Control box = boxes.get(did);
            if (box == null) {
                refuse(client, "box " + did.fingerprint() + " is not connected to this relay");
                return;
            }
            if (box.sessions.incrementAndGet() > limits.sessionsPerBox()) {
                box.sessions.decrementAndGet();
                refuse(client, "box " + did.fingerprint() + " has too many connections through this relay");
                return;
            }
            try {
                Socket fromBox = awaitBox(box);
                RelayProtocol.send(client.getOutputStream(), "OK");
                splice(client, fromBox);
            } finally {
                box.sessions.decrementAndGet();
            }
        } catch (RuntimeException e) {
            refuse(client, "not a did:key");
        } finally {
            open.decrementAndGet();
        }
    }

    private Socket awaitBox(Control box) throws IOException {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        CompletableFuture<Socket> answer = new CompletableFuture<>();
        pending.put(session, answer);
        try {
            box.send("INCOMING " + session);
            return answer.get(HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("the box did not take the connection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pending.remove(session);
        }
    }

    /** Copies both ways until either side closes, the budget is spent, or nothing moves for the idle limit. */
    private void splice(Socket app, Socket box) throws IOException {
        spliced.add(app);
        spliced.add(box);
        if (closed) {
            Sockets.closeQuietly(app);
            Sockets.closeQuietly(box);
        }
        int idle = (int) Math.min(Integer.MAX_VALUE, limits.idle().toMillis());
        app.setSoTimeout(idle);
        box.setSoTimeout(idle);
        box.setTcpNoDelay(true);
        long[] carried = {0};
        CompletableFuture<Void> upstream = CompletableFuture.runAsync(() -> copy(app, box, true, carried), threads);
        copy(box, app, false, carried);
        upstream.join();
        spliced.remove(app);
        spliced.remove(box);
    }

    private void copy(Socket from, Socket to, boolean toBox, long[] carried) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                synchronized (carried) {
                    carried[0] += read;
                    if (carried[0] > limits.bytesPerSession()) {
                        break;
                    }
                }
                tap.accept(toBox, Arrays.copyOf(buffer, read));
                out.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException idle) {
            // Nothing moved for too long.
        } catch (IOException ended) {
            // One side went away.
        } finally {
            Sockets.closeQuietly(from);
            Sockets.closeQuietly(to);
        }
    }

    private void pingLoop() {
        while (!closed) {
            try {
                Thread.sleep(PING_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            for (Control control : boxes.values()) {
                try {
                    control.send("PING");
                } catch (IOException e) {
                    Sockets.closeQuietly(control.socket);
                }
            }
        }
    }

    private static void refuse(Socket client, String why) throws IOException {
        RelayProtocol.send(client.getOutputStream(), "ERROR " + why);
        client.close();
    }

    @Override
    public void close() {
        closed = true;
        Sockets.closeQuietly(listener);
        boxes.values().forEach(control -> Sockets.closeQuietly(control.socket));
        spliced.forEach(Sockets::closeQuietly);
        threads.shutdownNow();
    }

}
