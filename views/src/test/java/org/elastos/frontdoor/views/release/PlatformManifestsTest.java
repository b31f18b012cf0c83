package org.elastos.frontdoor.views.release;

import com.sun.net.httpserver.HttpServer;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.ReleaseVerifier;
import org.elastos.frontdoor.installers.UpdateCheck;
import org.elastos.frontdoor.installers.platform.ProjectVersion;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.views.TaskRunner;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings' "Verify a download" and "Updates" against what the macOS and Windows workflows publish: one signed
 * manifest per target, served by a real HTTP channel on loopback.
 */
class PlatformManifestsTest {
    @TempDir
    Path dir;
    private Signer publisher;
    private HttpServer server;
    private final Map<String, byte[]> channel = new ConcurrentHashMap<>();
    private final Map<ReleaseTarget, Path> built = new ConcurrentHashMap<>();

    @BeforeEach
    void release() throws Exception {
        char[] password = "publisher password".toCharArray();
        Vault.at(dir.resolve("vault")).create(RecoveryPhrase.parse(
                "legal winner thank year wave sausage worth useful legal winner thank yellow"), "", password);
        publisher = Wallet.open(Vault.at(dir.resolve("vault"))).unlock(password);
        for (ReleaseTarget target : List.of(ReleaseTarget.MACOS_ARM64, ReleaseTarget.MACOS_X64, ReleaseTarget.WINDOWS_X64)) {
            publish(target);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stable/", exchange -> {
            byte[] body = channel.get(exchange.getRequestURI().getPath().substring("/stable/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void publish(ReleaseTarget target) throws Exception {
        ReleasePlan plan = ReleasePlan.of(ProjectVersion.parse("1.1.0"), target);
        Path folder = Files.createDirectories(dir.resolve(target.id()));
        List<Path> files = new ArrayList<>();
        for (ReleasePlan.PlannedFile file : plan.files()) {
            Path path = Files.writeString(folder.resolve(file.name()), "bytes of " + file.name());
            files.add(path);
            channel.put(file.name(), Files.readAllBytes(path));
        }
        String manifest = ReleaseManifest.sign(publisher, "1.1.0", target, files, Instant.now()).toJsonString();
        Files.writeString(folder.resolve(plan.manifestName()), manifest);
        channel.put(plan.manifestName(), manifest.getBytes(StandardCharsets.UTF_8));
        built.put(target, folder);
    }

    private VerifyDownloadViewModel verify(ReleaseTarget target, String file) {
        VerifyDownloadViewModel model = new VerifyDownloadViewModel(TaskRunner.synchronous());
        model.take(built.get(target).resolve(ReleasePlan.manifestName(target)));
        model.take(built.get(target).resolve(file));
        model.publisherProperty().set(publisher.did().value());
        model.verify();
        return model;
    }

    @Test
    void verifiesAMacDiskImageAndAWindowsInstallerAgainstTheirOwnManifests() {
        VerifyDownloadViewModel mac = verify(ReleaseTarget.MACOS_ARM64, "elastos-frontdoor-1.1.0-macos-arm64.dmg");
        assertEquals(VerifyDownloadViewModel.Verdict.VERIFIED, mac.verdictProperty().get(), mac.messageProperty().get());
        assertTrue(mac.messageProperty().get().contains("the publisher you expect"), mac.messageProperty().get());
        VerifyDownloadViewModel windows = verify(ReleaseTarget.WINDOWS_X64, "elastos-frontdoor-1.1.0-windows-x64.msi");
        assertEquals(VerifyDownloadViewModel.Verdict.VERIFIED, windows.verdictProperty().get(), windows.messageProperty().get());
    }

    @Test
    void refusesAWindowsInstallerCheckedAgainstTheMacManifest() throws Exception {
        Path msi = built.get(ReleaseTarget.WINDOWS_X64).resolve("elastos-frontdoor-1.1.0-windows-x64.msi");
        Files.copy(msi, built.get(ReleaseTarget.MACOS_ARM64).resolve(msi.getFileName()));
        VerifyDownloadViewModel model = verify(ReleaseTarget.MACOS_ARM64, msi.getFileName().toString());
        assertEquals(VerifyDownloadViewModel.Verdict.REFUSED, model.verdictProperty().get());
        assertTrue(model.messageProperty().get().contains("does not list"), model.messageProperty().get());
    }

    private UpdateViewModel updates(ReleaseTarget machine) {
        URI folder = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stable/");
        return new UpdateViewModel(TaskRunner.synchronous(), Optional.of(new UpdateViewModel.Channel(folder,
                () -> new UpdateCheck(HttpClient.newHttpClient(), new ReleaseVerifier(Set.of(publisher.did())), "1.0.0",
                        dir.resolve("downloads-" + machine.id()), Optional.of(machine)))));
    }

    @Test
    void theUpdaterOnAMacDownloadsItsOwnChipsDiskImage() {
        UpdateViewModel model = updates(ReleaseTarget.MACOS_X64);
        model.check();
        String status = model.statusProperty().get();
        assertTrue(status.contains("1.1.0") && status.contains("elastos-frontdoor-1.1.0-macos-x64.dmg"), status);
        assertTrue(Files.exists(dir.resolve("downloads-macos-x64/elastos-frontdoor-1.1.0-macos-x64.dmg")));
    }

    @Test
    void theUpdaterOnWindowsDownloadsTheMsiAndNeverTheMacFiles() {
        UpdateViewModel model = updates(ReleaseTarget.WINDOWS_X64);
        model.check();
        assertTrue(model.statusProperty().get().contains("elastos-frontdoor-1.1.0-windows-x64.msi"), model.statusProperty().get());
        channel.put(ReleasePlan.manifestName(ReleaseTarget.WINDOWS_X64), channel.get(ReleasePlan.manifestName(ReleaseTarget.MACOS_ARM64)));
        UpdateViewModel swapped = updates(ReleaseTarget.WINDOWS_X64);
        swapped.check();
        assertTrue(swapped.statusProperty().get().contains("signed for macos-arm64"), swapped.statusProperty().get());
    }
}
