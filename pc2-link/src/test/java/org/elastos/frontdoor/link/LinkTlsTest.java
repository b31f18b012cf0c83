package org.elastos.frontdoor.link;

import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.HostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkTlsTest {
    @TempDir
    Path dir;

    @Test
    void bothSidesProveTheirDidsOverTls13() throws Exception {
        HostKey box = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        HostKey device = HostKey.loadOrCreate(dir.resolve("device.key"), new SecureRandom());
        LinkTls boxSide = LinkTls.forIdentity(box, did -> true, "any device");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<DidKey> seenByBox = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = boxSide.server(listener.accept())) {
                    DidKey peer = LinkTls.peerOf(accepted);
                    OutputStream out = accepted.getOutputStream();
                    out.write(accepted.getInputStream().read());
                    out.flush();
                    return peer;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client = LinkTls.toBox(device, box.did()).client(new Socket(listener.getInetAddress(), listener.getLocalPort()))) {
                assertEquals("TLSv1.3", client.getSession().getProtocol());
                assertEquals(box.did(), LinkTls.peerOf(client));
                client.getOutputStream().write(42);
                client.getOutputStream().flush();
                InputStream in = client.getInputStream();
                assertEquals(42, in.read());
            }
            assertEquals(device.did(), seenByBox.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void refusesABoxWhoseDidIsNotTheOneExpectedBeforeAnyByteFlows() throws Exception {
        HostKey impostor = HostKey.loadOrCreate(dir.resolve("impostor.key"), new SecureRandom());
        HostKey realBox = HostKey.loadOrCreate(dir.resolve("box.key"), new SecureRandom());
        HostKey device = HostKey.loadOrCreate(dir.resolve("device.key"), new SecureRandom());
        LinkTls impostorSide = LinkTls.forIdentity(impostor, did -> true, "any device");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> readByImpostor = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = impostorSide.server(listener.accept())) {
                    return accepted.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThrows(SSLHandshakeException.class, () -> LinkTls.toBox(device, realBox.did())
                    .client(new Socket(listener.getInetAddress(), listener.getLocalPort())));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> readByImpostor.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failed.getCause());
        }
    }

    @Test
    void aCertificateNamingADidItWasNotSignedByIsRefused() throws Exception {
        HostKey real = HostKey.loadOrCreate(dir.resolve("real.key"), new SecureRandom());
        HostKey other = HostKey.loadOrCreate(dir.resolve("other.key"), new SecureRandom());
        var tlsKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var genuine = LinkCertificates.issue(real, tlsKey.getPublic(), Duration.ofHours(1));
        assertEquals(real.did(), LinkCertificates.didOf(genuine));

        // The same certificate body, but signed by another key: its name claims a DID that did not sign it.
        byte[] body = genuine.getTBSCertificate();
        byte[] forged = genuine.getEncoded();
        byte[] otherSignature = other.sign(body);
        byte[] realSignature = genuine.getSignature();
        int at = indexOf(forged, realSignature);
        System.arraycopy(otherSignature, 0, forged, at, otherSignature.length);
        var parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(forged));
        assertArrayEquals(otherSignature, parsed.getSignature());
        assertThrows(CertificateException.class, () -> LinkCertificates.didOf(parsed));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
