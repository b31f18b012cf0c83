package org.elastos.frontdoor.link.relay;

import org.elastos.frontdoor.link.Sockets;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The box's side of a relay: keeps one registered control connection, proven with the box's DID, and for every
 * app the relay announces opens a fresh connection and hands it to the box as if it had been accepted directly.
 * When the relay goes away it tries again with growing, jittered pauses, so a restarted relay is rejoined at once
 * and a dead one is not hammered.
 */
public final class RelayRegistration implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int CONTROL_TIMEOUT_MS = 45_000;

    private final InetSocketAddress relay;
    private final DidSigner box;
    private final Consumer<SocketChannel> incoming;
    private final Object registration = new Object();
    private final Thread worker;
    private volatile boolean closed;
    private volatile boolean registered;
    private volatile Socket control;

    private final Supplier<Set<String>> passes;
    private final Set<String> named = new HashSet<>();

    private RelayRegistration(InetSocketAddress relay, DidSigner box, Consumer<SocketChannel> incoming,
                              Supplier<Set<String>> passes) {
        this.passes = passes;
        this.relay = relay;
        this.box = box;
        this.incoming = incoming;
        this.worker = new Thread(this::run, "relay-registration");
        this.worker.setDaemon(true);
    }

    /**
     * @param incoming receives each relayed connection, connected and announced, not yet secured (the box runs TLS
     *     over it)
     */
    public static RelayRegistration start(InetSocketAddress relay, DidSigner box, Consumer<SocketChannel> incoming) {
        return start(relay, box, incoming, Set::of);
    }

    /**
     * @param passes the hashes of the passes of the box's devices now ({@link RelayProtocol#passHash}); named to the
     *     relay on registering and again whenever {@link #passesChanged} is called
     */
    public static RelayRegistration start(InetSocketAddress relay, DidSigner box, Consumer<SocketChannel> incoming,
                                          Supplier<Set<String>> passes) {
        RelayRegistration registration = new RelayRegistration(relay, box, incoming, passes);
        registration.worker.start();
        return registration;
    }

    public boolean isRegistered() {
        return registered;
    }

    /** Waits until the box is registered, or {@code patience} passed; says which. */
    public boolean awaitRegistered(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (registration) {
            while (!registered && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    registration.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return registered;
                }
            }
            return registered;
        }
    }

    private void registered(boolean now) {
        synchronized (registration) {
            registered = now;
            registration.notifyAll();
        }
    }

    public InetSocketAddress relay() {
        return relay;
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            try (Socket socket = new Socket()) {
                control = socket;
                socket.setTcpNoDelay(true);
                socket.connect(relay, CONNECT_TIMEOUT_MS);
                socket.setSoTimeout(CONTROL_TIMEOUT_MS);
                InputStream in = socket.getInputStream();
                RelayProtocol.send(socket.getOutputStream(), "BOX " + box.did().value());
                RelayProtocol.prove(in, socket.getOutputStream(), box);
                synchronized (named) {
                    named.clear();
                }
                passesChanged();
                registered(true);
                pause = FIRST_PAUSE;
                while (!closed) {
                    String line = RelayProtocol.read(in);
                    if (line.equals("PING")) {
                        send(socket, "PONG");
                    } else if (line.startsWith("INCOMING ")) {
                        accept(line.substring(9).strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                registered(false);
            }
            registered(false);
            if (closed) {
                return;
            }
            sleep(pause.plusMillis(ThreadLocalRandom.current().nextLong(pause.toMillis() / 2 + 1)));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** Tells the relay which passes let the box's devices in now: new ones named, withdrawn ones taken back. */
    public void passesChanged() {
        Socket socket = control;
        if (socket == null || socket.isClosed()) {
            return;
        }
        Set<String> now = passes.get();
        synchronized (named) {
            try {
                for (String hash : now) {
                    if (!named.contains(hash)) {
                        send(socket, "PASS " + hash);
                    }
                }
                for (String hash : Set.copyOf(named)) {
                    if (!now.contains(hash)) {
                        send(socket, "UNPASS " + hash);
                    }
                }
                named.clear();
                named.addAll(now);
            } catch (IOException e) {
                // The control connection broke; registering again names every pass.
            }
        }
    }

    private void send(Socket socket, String line) throws IOException {
        synchronized (named) {
            RelayProtocol.send(socket.getOutputStream(), line);
        }
    }

    /**
     * Leaves a pairing beacon at a relay under {@code lookupId}, on a connection of its own, so the box's registered
     * control connection (if any) is not disturbed.
     */
    public static void publishBeacon(InetSocketAddress relay, DidSigner box, String lookupId, String beacon) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(relay, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            RelayProtocol.send(socket.getOutputStream(), "BEACON " + box.did().value());
            RelayProtocol.prove(socket.getInputStream(), socket.getOutputStream(), box);
            RelayProtocol.send(socket.getOutputStream(), "PUBLISH " + lookupId + " " + beacon);
            String answer = RelayProtocol.read(socket.getInputStream());
            if (!answer.equals("OK")) {
                throw new IOException("the relay did not keep the beacon: " + answer);
            }
        }
    }

    private void accept(String session) {
        SocketChannel data = null;
        try {
            data = SocketChannel.open();
            data.socket().setTcpNoDelay(true);
            data.socket().connect(relay, CONNECT_TIMEOUT_MS);
            ByteBuffer line = ByteBuffer.wrap(("ACCEPT " + session + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                data.write(line);
            }
            incoming.accept(data);
        } catch (IOException e) {
            if (data != null) {
                Sockets.closeQuietly(data);
            }
            // The app will see the relay give up on this session.
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        registered(false);
        Socket socket = control;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Stopping anyway.
            }
        }
        worker.interrupt();
    }
}
