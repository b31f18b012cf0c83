package org.elastos.frontdoor.installers.page;

import org.elastos.frontdoor.installers.ReleaseArtifact;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.ReleaseRejectedException;
import org.elastos.frontdoor.installers.TestPublishers;
import org.elastos.frontdoor.installers.platform.ProjectVersion;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page as HTML, before any browser: what it lists, where its links go, and which releases it refuses. */
class DownloadPageTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern DOWNLOAD = Pattern.compile("<a id=\"download\" href=\"([^\"]*)\"");

    @TempDir
    Path dir;

    private String manifest(Signer signer, String version, ReleaseTarget target) throws Exception {
        ReleasePlan plan = ReleasePlan.of(ProjectVersion.parse(version), target);
        List<Path> files = new ArrayList<>();
        for (ReleasePlan.PlannedFile file : plan.files()) {
            files.add(Files.writeString(Files.createDirectories(dir.resolve(target.id())).resolve(file.name()), "bytes of " + file.name()));
        }
        return ReleaseManifest.sign(signer, version, target, files, Instant.now()).toJsonString();
    }

    private List<String> everyTarget() throws Exception {
        List<String> manifests = new ArrayList<>();
        for (ReleaseTarget target : List.of(ReleaseTarget.WINDOWS_X64, ReleaseTarget.LINUX_X64, ReleaseTarget.MACOS_X64,
                ReleaseTarget.MACOS_ARM64, ReleaseTarget.ANDROID_ARM64, ReleaseTarget.IOS_ARM64)) {
            manifests.add(manifest(TestPublishers.PUBLISHER, "1.0.0", target));
        }
        return manifests;
    }

    @Test
    void listsEveryFileWithItsSizeAndHashAndLinksOnlyToThem() throws Exception {
        List<String> manifests = everyTarget();
        ReleaseSet release = ReleaseSet.of(manifests, Set.of(TestPublishers.PUBLISHER.did()));
        String html = new DownloadPage(release, Optional.empty()).html();
        Set<String> files = new HashSet<>();
        for (ReleaseManifest manifest : release.manifests()) {
            files.add(ReleasePlan.manifestName(manifest.target().orElseThrow()));
            for (ReleaseArtifact artifact : manifest.artifacts()) {
                files.add(artifact.name());
                assertTrue(html.contains(artifact.sha256()), artifact.name() + "'s SHA-256 is on the page");
                assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%,d bytes", artifact.size())), artifact.name() + "'s size");
            }
        }
        Matcher links = HREF.matcher(html);
        int count = 0;
        while (links.find()) {
            count++;
            assertTrue(files.contains(links.group(1)), "a link to something the manifests do not list: " + links.group(1));
        }
        assertTrue(count >= files.size(), "every file and manifest is linked");
        assertTrue(html.contains(TestPublishers.PUBLISHER.did().value()), "names the publisher's DID");
        assertTrue(html.contains("frontdoor release verify --publisher " + TestPublishers.PUBLISHER.did().value()));
        assertTrue(html.contains("Verify a download"), "says how to verify in the app");
    }

    @Test
    void withoutScriptOffersTheMacWithAppleSiliconFirst() throws Exception {
        String html = new DownloadPage(ReleaseSet.of(everyTarget(), Set.of()), Optional.empty()).html();
        Matcher download = DOWNLOAD.matcher(html);
        assertTrue(download.find());
        assertEquals("elastos-frontdoor-1.0.0-macos-arm64.dmg", download.group(1));
        assertTrue(html.indexOf("id=\"target-macos-arm64\"") < html.indexOf("id=\"target-windows-x64\""), "targets in a fixed order");
    }

    @Test
    void linksToFilesElsewhereWhenToldWhere() throws Exception {
        String html = new DownloadPage(ReleaseSet.of(everyTarget(), Set.of()), Optional.of("https://example.org/releases/v1.0.0/")).html();
        Matcher download = DOWNLOAD.matcher(html);
        assertTrue(download.find());
        assertEquals("https://example.org/releases/v1.0.0/elastos-frontdoor-1.0.0-macos-arm64.dmg", download.group(1));
        assertThrows(IllegalArgumentException.class, () -> new DownloadPage(ReleaseSet.of(everyTarget(), Set.of()), Optional.of("https://example.org/x")));
    }

    @Test
    void writesThePageWithEveryManifestBesideIt() throws Exception {
        List<String> manifests = everyTarget();
        new DownloadPage(ReleaseSet.of(manifests, Set.of()), Optional.empty()).writeTo(dir.resolve("site"), manifests);
        assertTrue(Files.readString(dir.resolve("site/index.html")).startsWith("<!doctype html>"));
        for (ReleaseTarget target : ReleaseTarget.ALL) {
            assertEquals(Optional.of(target), ReleaseManifest.open(Files.readString(dir.resolve("site").resolve(ReleasePlan.manifestName(target)))).target());
        }
    }

    @Test
    void refusesManifestsFromTwoPublishers() throws Exception {
        List<String> manifests = List.of(manifest(TestPublishers.PUBLISHER, "1.0.0", ReleaseTarget.MACOS_ARM64),
                manifest(TestPublishers.STRANGER, "1.0.0", ReleaseTarget.WINDOWS_X64));
        assertTrue(assertThrows(ReleaseRejectedException.class, () -> ReleaseSet.of(manifests, Set.of())).getMessage().contains("one publisher"));
    }

    @Test
    void refusesManifestsOfTwoVersionsOrTwoForOneTarget() throws Exception {
        String mac = manifest(TestPublishers.PUBLISHER, "1.0.0", ReleaseTarget.MACOS_ARM64);
        assertThrows(ReleaseRejectedException.class,
                () -> ReleaseSet.of(List.of(mac, manifest(TestPublishers.PUBLISHER, "1.0.1", ReleaseTarget.WINDOWS_X64)), Set.of()));
        assertThrows(ReleaseRejectedException.class, () -> ReleaseSet.of(List.of(mac, mac), Set.of()));
    }

    @Test
    void refusesAManifestWithoutATargetOrFromAnUntrustedPublisher() throws Exception {
        Path deb = Files.writeString(dir.resolve("elastos-frontdoor_1.0.0-1_amd64.deb"), "deb");
        String untargeted = ReleaseManifest.sign(TestPublishers.PUBLISHER, "1.0.0", List.of(deb), Instant.now()).toJsonString();
        assertTrue(assertThrows(ReleaseRejectedException.class, () -> ReleaseSet.of(List.of(untargeted), Set.of())).getMessage().contains("--target"));
        String strangers = manifest(TestPublishers.STRANGER, "1.0.0", ReleaseTarget.LINUX_X64);
        assertThrows(ReleaseRejectedException.class, () -> ReleaseSet.of(List.of(strangers), Set.of(TestPublishers.PUBLISHER.did())));
    }
}
