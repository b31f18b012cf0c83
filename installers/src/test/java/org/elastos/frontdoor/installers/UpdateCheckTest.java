package org.elastos.frontdoor.installers;

import com.sun.net.httpserver.HttpServer;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update check against a real HTTP release channel on loopback. */
class UpdateCheckTest {
    private static final String INSTALLER = "elastos-frontdoor_0.3.0_amd64.deb";

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private URI manifestUri;

    @BeforeEach
    void channel() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stable/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath().substring("/stable/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        manifestUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stable/manifest.json");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void publish(Signer signer, String version, byte[] installer) throws Exception {
        Path file = Files.write(Files.createDirectories(dir.resolve("build")).resolve(INSTALLER), installer);
        files.put("manifest.json", ReleaseManifest.sign(signer, version, List.of(file), Instant.now()).toJsonString().getBytes(StandardCharsets.UTF_8));
        files.put(INSTALLER, installer);
    }

    private UpdateCheck check() {
        return new UpdateCheck(HttpClient.newHttpClient(), new ReleaseVerifier(Set.of(TestPublishers.PUBLISHER.did())), "0.2.0", dir.resolve("downloads"));
    }

    @Test
    void offersANewerReleaseOnlyAfterItsInstallerVerifies() throws Exception {
        publish(TestPublishers.PUBLISHER, "0.3.0", "new installer".getBytes(StandardCharsets.UTF_8));
        UpdateCheck.Available available = assertInstanceOf(UpdateCheck.Available.class, check().check(manifestUri, INSTALLER));
        assertEquals("0.3.0", available.manifest().version());
        assertEquals("new installer", Files.readString(available.verifiedInstaller()));
    }

    @Test
    void refusesAnInstallerSwappedOnTheServerAndKeepsNoCopy() throws Exception {
        publish(TestPublishers.PUBLISHER, "0.3.0", "new installer".getBytes(StandardCharsets.UTF_8));
        files.put(INSTALLER, "evil installer".getBytes(StandardCharsets.UTF_8));
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, check().check(manifestUri, INSTALLER));
        assertTrue(refused.reason().contains("does not match"), refused.reason());
        assertFalse(Files.exists(dir.resolve("downloads").resolve(INSTALLER)));
    }

    @Test
    void refusesAReleaseSignedBySomeoneElse() throws Exception {
        publish(TestPublishers.STRANGER, "0.3.0", "new installer".getBytes(StandardCharsets.UTF_8));
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, check().check(manifestUri, INSTALLER));
        assertTrue(refused.reason().contains("not a publisher you trust"), refused.reason());
    }

    @Test
    void saysUpToDateWhenTheChannelIsNotNewer() throws Exception {
        publish(TestPublishers.PUBLISHER, "0.2.0", "same".getBytes(StandardCharsets.UTF_8));
        assertEquals(new UpdateCheck.UpToDate("0.2.0"), check().check(manifestUri, INSTALLER));
    }

    @Test
    void anUnreachableChannelIsARefusalNotAQuietNo() throws Exception {
        server.stop(0);
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, check().check(manifestUri, INSTALLER));
        assertTrue(refused.reason().contains("cannot be reached"), refused.reason());
    }

    @Test
    void anUpdateCheckWithoutATrustedPublisherCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new UpdateCheck(HttpClient.newHttpClient(),
                new ReleaseVerifier(Set.of()), "0.2.0", dir));
    }
}
