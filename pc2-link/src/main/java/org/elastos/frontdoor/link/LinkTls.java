package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * TLS 1.3 for the link: this side presents a link certificate for its DID, and the other side's certificate must
 * name, and be signed by, a DID this side accepts. Anything else fails the handshake, before any request is read or
 * written. Both sides use the same class; the box accepts any device DID it has not revoked and decides per
 * request, the app accepts exactly the box DID from the invite.
 */
public final class LinkTls {
    private static final String[] PROTOCOLS = {"TLSv1.3"};
    private static final Duration CERTIFICATE_LIFETIME = Duration.ofDays(1);

    private final SSLContext context;

    private LinkTls(SSLContext context) {
        this.context = context;
    }

    /**
     * @param me the DID this side proves
     * @param acceptPeer which DIDs may be on the other side; refused ones fail the handshake
     * @param expected how the accepted DIDs are described in the refusal ("the box did:key:...")
     */
    public static LinkTls forIdentity(DidSigner me, Predicate<DidKey> acceptPeer, String expected) {
        try {
            KeyPair tlsKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            X509Certificate certificate = LinkCertificates.issue(me, tlsKey.getPublic(), CERTIFICATE_LIFETIME);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(new KeyManager[] {new OwnKey(certificate, tlsKey.getPrivate())},
                    new TrustManager[] {new PinnedPeer(acceptPeer, expected)}, null);
            return new LinkTls(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 TLS 1.3 contexts", e);
        }
    }

    /** The app's side: only {@code box} may answer. */
    public static LinkTls toBox(DidSigner device, DidKey box) {
        return forIdentity(device, box::equals, "the box " + box);
    }

    /** Wraps a connected socket as the client side and completes the handshake. */
    public SSLSocket client(Socket connected) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected,
                connected.getInetAddress().getHostAddress(), connected.getPort(), true);
        socket.setUseClientMode(true);
        return handshake(socket);
    }

    /** Wraps an accepted (or relayed) socket as the server side, demands the peer's certificate, and handshakes. */
    public SSLSocket server(Socket connected) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected,
                connected.getInetAddress().getHostAddress(), connected.getPort(), true);
        socket.setUseClientMode(false);
        socket.setNeedClientAuth(true);
        return handshake(socket);
    }

    /**
     * An engine for the server side of one connection (the box's event loop runs it): TLS 1.3 only, the peer's
     * certificate demanded and checked as {@link #server} does.
     */
    public SSLEngine serverEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setNeedClientAuth(true);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** The DID on the other side of a finished handshake. */
    public static DidKey peerOf(SSLSocket socket) throws IOException {
        return peerOf(socket.getSession());
    }

    /** The DID the peer's link certificate names, once the handshake of {@code session} finished. */
    public static DidKey peerOf(SSLSession session) throws IOException {
        try {
            return LinkCertificates.didOf((X509Certificate) session.getPeerCertificates()[0]);
        } catch (CertificateException | SSLPeerUnverifiedException e) {
            throw new IOException("the peer presented no valid link certificate", e);
        }
    }

    private static SSLSocket handshake(SSLSocket socket) throws IOException {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** Presents this side's one certificate, whatever key type the handshake asks about. */
    private static final class OwnKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "link";
        private final X509Certificate certificate;
        private final PrivateKey key;

        OwnKey(X509Certificate certificate, PrivateKey key) {
            this.certificate = certificate;
            this.key = key;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {certificate};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

    /** Trusts no authority: only a link certificate whose DID the predicate accepts. */
    private static final class PinnedPeer extends X509ExtendedTrustManager {
        private final Predicate<DidKey> accept;
        private final String expected;

        PinnedPeer(Predicate<DidKey> accept, String expected) {
            this.accept = accept;
            this.expected = expected;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented; expected " + expected);
            }
            DidKey peer = LinkCertificates.didOf(chain[0]);
            if (!accept.test(peer)) {
                throw new CertificateException("the other side is " + peer + ", not " + expected);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
