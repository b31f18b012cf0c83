package org.elastos.frontdoor.box;

import org.elastos.frontdoor.link.LinkHttp;
import org.elastos.frontdoor.link.LinkTls;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * What an attacker on the network has: a self-made did:key, raw sockets from an address of its choosing, and the
 * link's wire format. It speaks to a real box over real TLS, as the app does, but sends what the app never would.
 */
final class Stranger implements AutoCloseable {
    final HostKey key;
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private Stranger(HostKey key, SSLSocket socket) throws IOException {
        this.key = key;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static HostKey freshKey(Path dir, String name) {
        return HostKey.loadOrCreate(dir.resolve(name + ".key"), new SecureRandom());
    }

    /** A plain TCP connection to {@code target} from {@code from} (any 127.0.0.0/8 address on loopback). */
    static Socket tcp(InetAddress from, InetSocketAddress target) throws IOException {
        Socket raw = new Socket();
        raw.bind(new InetSocketAddress(from, 0));
        raw.connect(target, 2_000);
        raw.setSoTimeout(15_000);
        return raw;
    }

    /** A finished TLS handshake with the box as {@code key}, over {@code raw}. */
    static Stranger over(Socket raw, HostKey key, DidKey box) throws IOException {
        return new Stranger(key, LinkTls.toBox(key, box).client(raw));
    }

    static Stranger connect(HomeBox box, HostKey key) throws IOException {
        return over(tcp(InetAddress.getLoopbackAddress(), box.address()), key, box.did());
    }

    LinkHttp.Response request(String method, String target) throws IOException {
        return request(method, target, Map.of(), new byte[0]);
    }

    LinkHttp.Response request(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        LinkHttp.writeRequest(out, method, target, headers, body);
        LinkHttp.Response response = LinkHttp.readResponse(in);
        response.body().readAllBytes();
        return response;
    }

    /** Sends raw bytes, as slowly as the caller likes. */
    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Whether the box hung up: a read that ends instead of timing out. */
    boolean hungUp() {
        try {
            socket.setSoTimeout(15_000);
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
