package org.elastos.frontdoor.installers;

import com.sun.net.httpserver.HttpServer;
import org.elastos.frontdoor.installers.platform.ProjectVersion;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update check against a real HTTP release channel on loopback, holding every platform's manifest. */
class UpdateCheckTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private URI channel;

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
        channel = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stable/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Builds every file the target's workflow builds, signs its manifest, and puts all on the channel. */
    private ReleasePlan publish(Signer signer, String version, ReleaseTarget target) throws Exception {
        ReleasePlan plan = ReleasePlan.of(ProjectVersion.parse(version), target);
        Path build = Files.createDirectories(dir.resolve("build-" + target.id()));
        List<Path> built = new ArrayList<>();
        for (ReleasePlan.PlannedFile file : plan.files()) {
            byte[] bytes = (file.name() + " installer bytes").getBytes(StandardCharsets.UTF_8);
            built.add(Files.write(build.resolve(file.name()), bytes));
            files.put(file.name(), bytes);
        }
        files.put(plan.manifestName(), ReleaseManifest.sign(signer, version, target, built, Instant.now()).toJsonString()
                .getBytes(StandardCharsets.UTF_8));
        return plan;
    }

    private void publishEveryTarget(String version) throws Exception {
        for (ReleaseTarget target : ReleaseTarget.ALL) {
            publish(TestPublishers.PUBLISHER, version, target);
        }
    }

    private UpdateCheck.Result checkOn(ReleaseTarget machine) {
        return new UpdateCheck(HttpClient.newHttpClient(), new ReleaseVerifier(Set.of(TestPublishers.PUBLISHER.did())), "1.0.0",
                dir.resolve("downloads-" + machine.id()), Optional.of(machine)).check(channel);
    }

    private static String installed(UpdateCheck.Result result) throws Exception {
        UpdateCheck.Available available = assertInstanceOf(UpdateCheck.Available.class, result, result.toString());
        assertEquals(available.verifiedInstaller().getFileName() + " installer bytes", Files.readString(available.verifiedInstaller()));
        return available.verifiedInstaller().getFileName().toString();
    }

    @Test
    void aMacWithAppleSiliconIsOfferedTheArm64DiskImageAndNothingElse() throws Exception {
        publishEveryTarget("1.1.0");
        assertEquals("elastos-frontdoor-1.1.0-macos-arm64.dmg", installed(checkOn(ReleaseTarget.MACOS_ARM64)));
    }

    @Test
    void anIntelMacIsOfferedTheX64DiskImage() throws Exception {
        publishEveryTarget("1.1.0");
        assertEquals("elastos-frontdoor-1.1.0-macos-x64.dmg", installed(checkOn(ReleaseTarget.MACOS_X64)));
    }

    @Test
    void windowsIsOfferedTheMsiAndLinuxTheDebAndAndroidTheApk() throws Exception {
        publishEveryTarget("1.1.0");
        assertEquals("elastos-frontdoor-1.1.0-windows-x64.msi", installed(checkOn(ReleaseTarget.WINDOWS_X64)));
        assertEquals("elastos-frontdoor_1.1.0-1_amd64.deb", installed(checkOn(ReleaseTarget.LINUX_X64)));
        assertEquals("elastos-frontdoor-1.1.0-android-arm64.apk", installed(checkOn(ReleaseTarget.ANDROID_ARM64)));
    }

    @Test
    void iosIsNeverOfferedAFileTheStoreInstalls() throws Exception {
        publishEveryTarget("1.1.0");
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, checkOn(ReleaseTarget.IOS_ARM64));
        assertTrue(refused.reason().contains("store"), refused.reason());
    }

    @Test
    void neverOffersAnotherPlatformsFileEvenUnderThisMachinesManifestName() throws Exception {
        publish(TestPublishers.PUBLISHER, "1.1.0", ReleaseTarget.WINDOWS_X64);
        // A channel that serves the Windows manifest where the Apple silicon one belongs.
        files.put(ReleasePlan.manifestName(ReleaseTarget.MACOS_ARM64), files.get(ReleasePlan.manifestName(ReleaseTarget.WINDOWS_X64)));
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, checkOn(ReleaseTarget.MACOS_ARM64));
        assertTrue(refused.reason().contains("signed for windows-x64"), refused.reason());
        assertFalse(Files.exists(dir.resolve("downloads-macos-arm64")), "nothing was downloaded");
    }

    @Test
    void refusesAManifestThatNamesNoPlatform() throws Exception {
        Path deb = Files.writeString(dir.resolve("elastos-frontdoor_1.1.0-1_amd64.deb"), "deb");
        files.put(ReleasePlan.manifestName(ReleaseTarget.LINUX_X64),
                ReleaseManifest.sign(TestPublishers.PUBLISHER, "1.1.0", List.of(deb), Instant.now()).toJsonString().getBytes(StandardCharsets.UTF_8));
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, checkOn(ReleaseTarget.LINUX_X64));
        assertTrue(refused.reason().contains("no particular platform"), refused.reason());
    }

    @Test
    void refusesAnInstallerSwappedOnTheServerAndKeepsNoCopy() throws Exception {
        ReleasePlan plan = publish(TestPublishers.PUBLISHER, "1.1.0", ReleaseTarget.MACOS_X64);
        String dmg = plan.updaterFile().orElseThrow();
        files.put(dmg, "evil installer".getBytes(StandardCharsets.UTF_8));
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, checkOn(ReleaseTarget.MACOS_X64));
        assertTrue(refused.reason().contains("does not match"), refused.reason());
        assertFalse(Files.exists(dir.resolve("downloads-macos-x64").resolve(dmg)));
    }

    @Test
    void refusesAReleaseSignedBySomeoneElse() throws Exception {
        publish(TestPublishers.STRANGER, "1.1.0", ReleaseTarget.WINDOWS_X64);
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, checkOn(ReleaseTarget.WINDOWS_X64));
        assertTrue(refused.reason().contains("not a publisher you trust"), refused.reason());
    }

    @Test
    void saysUpToDateWhenTheChannelIsNotNewer() throws Exception {
        publish(TestPublishers.PUBLISHER, "1.0.0", ReleaseTarget.MACOS_ARM64);
        assertEquals(new UpdateCheck.UpToDate("1.0.0"), checkOn(ReleaseTarget.MACOS_ARM64));
    }

    @Test
    void anUnreachableChannelIsARefusalNotAQuietNo() {
        server.stop(0);
        UpdateCheck.Refused refused = assertInstanceOf(UpdateCheck.Refused.class, checkOn(ReleaseTarget.LINUX_X64));
        assertTrue(refused.reason().contains("cannot be reached"), refused.reason());
    }

    @Test
    void aMachineNoReleaseIsBuiltForIsToldSo() {
        UpdateCheck.Result result = new UpdateCheck(HttpClient.newHttpClient(), new ReleaseVerifier(Set.of(TestPublishers.PUBLISHER.did())),
                "1.0.0", dir, Optional.empty()).check(channel);
        assertTrue(assertInstanceOf(UpdateCheck.Refused.class, result).reason().contains("No release is built for this machine"));
    }

    @Test
    void anUpdateCheckWithoutATrustedPublisherCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new UpdateCheck(HttpClient.newHttpClient(),
                new ReleaseVerifier(Set.of()), "1.0.0", dir));
    }
}
