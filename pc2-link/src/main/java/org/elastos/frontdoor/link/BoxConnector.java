package org.elastos.frontdoor.link;

import org.elastos.frontdoor.link.relay.RelayProtocol;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reaches a box by every path it announced: its own {@code tls://} addresses first (on the same network they are
 * fastest, and nothing in between), then each {@code relay://}. Says which path worked; an impostor on any path is
 * refused outright, never skipped for the next one.
 */
public final class BoxConnector {
    private static final int DIRECT_TIMEOUT_MS = 1_500;
    private static final int RELAY_TIMEOUT_MS = 5_000;

    public enum Path { DIRECT, RELAYED }

    /** A link to the box, and how it was reached. */
    public record Connection(BoxClient client, Path path, URI endpoint) {
    }

    private BoxConnector() {
    }

    /**
     * @throws BoxUnreachableException naming every path tried, when none answered
     * @throws PeerIdentityException when something answered as another DID
     */
    public static Connection connect(List<URI> endpoints, DidKey box, DidSigner device) {
        return connect(endpoints, box, device, Optional.empty());
    }

    /**
     * @param relayPass the pass the box gave this device at enrollment, shown to a relay so the device gets the share
     *     of the box's relay sessions kept for its own devices
     * @throws BoxUnreachableException naming every path tried, when none answered
     * @throws PeerIdentityException when something answered as another DID
     */
    public static Connection connect(List<URI> endpoints, DidKey box, DidSigner device, Optional<String> relayPass) {
        List<String> failures = new ArrayList<>();
        List<URI> ordered = new ArrayList<>(endpoints.stream().filter(e -> "tls".equals(e.getScheme())).toList());
        ordered.addAll(endpoints.stream().filter(e -> "relay".equals(e.getScheme())).toList());
        for (URI endpoint : ordered) {
            long start = System.nanoTime();
            boolean relayed = "relay".equals(endpoint.getScheme());
            BoxClient.Dialer dialer = () -> dial(endpoint, box, relayed, relayPass);
            Socket socket;
            try {
                socket = dialer.dial();
            } catch (IOException e) {
                failures.add(endpoint + ": " + e.getMessage());
                continue;
            }
            return new Connection(BoxClient.over(socket, box, device, start, dialer), relayed ? Path.RELAYED : Path.DIRECT, endpoint);
        }
        throw new BoxUnreachableException("the box " + box.fingerprint() + " did not answer on any path ("
                + String.join("; ", failures) + "); check that it is on and online", null);
    }

    /** A raw connection to the box on one path: straight to it, or through a relay that splices it to the box. */
    private static Socket dial(URI endpoint, DidKey box, boolean relayed, Optional<String> relayPass) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), relayed ? RELAY_TIMEOUT_MS : DIRECT_TIMEOUT_MS);
            socket.setSoTimeout(30_000);
            if (relayed) {
                RelayProtocol.send(socket.getOutputStream(), "CONNECT " + box.value() + relayPass.map(pass -> " PASS " + pass).orElse(""));
                String answer = RelayProtocol.read(socket.getInputStream());
                if (!answer.equals("OK")) {
                    throw new IOException(answer.startsWith("ERROR ") ? answer.substring(6) : answer);
                }
            }
            return socket;
        } catch (IOException e) {
            Sockets.closeQuietly(socket);
            throw e;
        }
    }
}
