package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.util.Map;

/**
 * One TLS connection of the link, pinned to the box's DID. It carries one request at a time: {@link BoxClient}
 * lends it out for a request and takes it back only once the response was read to its end, so two requests never
 * share its bytes.
 */
final class LinkConnection implements AutoCloseable {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean used;

    private LinkConnection(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /**
     * Runs the handshake over a socket already connected to the box (directly or through a relay).
     *
     * @throws PeerIdentityException when whoever answers is not {@code box}
     * @throws BoxRefusedException when the box refuses this device's certificate
     * @throws BoxUnreachableException when the connection breaks during the handshake
     */
    static LinkConnection secure(Socket connected, DidKey box, DidSigner device) {
        try {
            connected.setTcpNoDelay(true);
            return new LinkConnection(LinkTls.toBox(device, box).client(connected));
        } catch (SSLHandshakeException e) {
            Sockets.closeQuietly(connected);
            if (causedBy(e, CertificateException.class)) {
                throw new PeerIdentityException("whatever answered is not the box " + box.fingerprint()
                        + " from the invite; nothing was sent to it", e);
            }
            if (String.valueOf(e.getMessage()).contains("fatal alert")) {
                throw new BoxRefusedException(403, BoxRefusal.REVOKED, "the box refused this device's certificate: the"
                        + " device may have been revoked; pair it again from an owner's device");
            }
            throw new BoxUnreachableException("the box hung up before the connection was secured: it is busy (too many"
                    + " connections at once); try again in a moment", e);
        } catch (IOException e) {
            Sockets.closeQuietly(connected);
            throw new BoxUnreachableException("the connection to the box broke while it was being secured", e);
        }
    }

    /** Sends a request with a small body and reads the head of the response; its body is read from {@link #in()}. */
    LinkHttp.Response exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        used = true;
        LinkHttp.writeRequest(out, method, target, headers, body);
        return LinkHttp.readResponse(in);
    }

    /** Whether it carried a request before: a box may have closed it since, while it sat idle. */
    boolean wasUsed() {
        return used;
    }

    OutputStream out() {
        used = true;
        return out;
    }

    InputStream in() {
        return in;
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
