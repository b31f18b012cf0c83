package org.elastos.frontdoor.installers;

import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseManifestTest {
    private static final Signer publisher = TestPublishers.PUBLISHER;
    private static final Signer stranger = TestPublishers.STRANGER;

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aSignedManifestVerifiesItsFilesAndNamesItsPublisher() throws Exception {
        Path deb = file("frontdoor_0.2.0_amd64.deb", "installer bytes");
        Path msi = file("frontdoor-0.2.0.msi", "other installer");
        String json = ReleaseManifest.sign(publisher, "0.2.0", List.of(deb, msi), Instant.now()).toJsonString();

        ReleaseVerifier.Verified verified = new ReleaseVerifier(Set.of(publisher.did())).verify(json, deb);
        assertEquals(publisher.did(), verified.publisher());
        assertEquals("0.2.0", verified.manifest().version());
        assertTrue(verified.publisherTrusted());
        assertEquals(2, verified.manifest().artifacts().size());
    }

    @Test
    void oneFlippedByteInTheArtifactIsRefused() throws Exception {
        Path deb = file("frontdoor_0.2.0_amd64.deb", "installer bytes");
        String json = ReleaseManifest.sign(publisher, "0.2.0", List.of(deb), Instant.now()).toJsonString();
        byte[] bytes = Files.readAllBytes(deb);
        bytes[3] ^= 0x01;
        Files.write(deb, bytes);
        ReleaseRejectedException e = assertThrows(ReleaseRejectedException.class,
                () -> new ReleaseVerifier(Set.of(publisher.did())).verify(json, deb));
        assertTrue(e.getMessage().contains("does not match its signed manifest"), e.getMessage());
    }

    @Test
    void oneFlippedByteInTheManifestIsRefused() throws Exception {
        Path deb = file("frontdoor_0.2.0_amd64.deb", "installer bytes");
        String json = ReleaseManifest.sign(publisher, "0.2.0", List.of(deb), Instant.now()).toJsonString();
        int at = json.indexOf("\"sha256\"") + 12;
        char flipped = json.charAt(at) == 'a' ? 'b' : 'a';
        String tampered = json.substring(0, at) + flipped + json.substring(at + 1);
        ReleaseRejectedException e = assertThrows(ReleaseRejectedException.class,
                () -> new ReleaseVerifier(Set.of()).verify(tampered, deb));
        assertTrue(e.getMessage().contains("not genuine"), e.getMessage());
    }

    @Test
    void aManifestFromAnotherSignerIsRefusedWhenAPublisherIsTrusted() throws Exception {
        Path deb = file("frontdoor_0.2.0_amd64.deb", "installer bytes");
        String json = ReleaseManifest.sign(stranger, "0.2.0", List.of(deb), Instant.now()).toJsonString();
        ReleaseRejectedException e = assertThrows(ReleaseRejectedException.class,
                () -> new ReleaseVerifier(Set.of(publisher.did())).verify(json, deb));
        assertTrue(e.getMessage().contains("not a publisher you trust"), e.getMessage());
        assertFalse(new ReleaseVerifier(Set.of()).verify(json, deb).publisherTrusted(), "without trust the signer is reported only");
    }

    @Test
    void aFileTheManifestDoesNotListIsRefused() throws Exception {
        Path deb = file("frontdoor_0.2.0_amd64.deb", "installer bytes");
        Path other = file("something-else.deb", "installer bytes");
        String json = ReleaseManifest.sign(publisher, "0.2.0", List.of(deb), Instant.now()).toJsonString();
        assertThrows(ReleaseRejectedException.class, () -> new ReleaseVerifier(Set.of()).verify(json, other));
    }

    @Test
    void aManifestNamesItsTargetAndListsOnlyThatPlatformsFiles() throws Exception {
        Path dmg = file("elastos-frontdoor-1.0.0-macos-arm64.dmg", "disk image");
        String json = ReleaseManifest.sign(publisher, "1.0.0", ReleaseTarget.MACOS_ARM64, List.of(dmg), Instant.now()).toJsonString();
        assertEquals(Optional.of(ReleaseTarget.MACOS_ARM64), ReleaseManifest.open(json).target());
        Path msi = file("elastos-frontdoor-1.0.0-windows-x64.msi", "installer");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReleaseManifest.sign(publisher, "1.0.0", ReleaseTarget.MACOS_ARM64, List.of(dmg, msi), Instant.now()));
        assertTrue(e.getMessage().contains("Windows file"), e.getMessage());
    }

    @Test
    void ordersVersionsNumerically() {
        assertTrue(ReleaseVersion.parse("0.10.0").compareTo(ReleaseVersion.parse("0.9.2")) > 0);
        assertTrue(ReleaseVersion.parse("1.0.0").compareTo(ReleaseVersion.parse("1.0.0-SNAPSHOT")) > 0);
        assertEquals(0, ReleaseVersion.parse("1.0").compareTo(ReleaseVersion.parse("1.0.0")));
        assertThrows(IllegalArgumentException.class, () -> ReleaseVersion.parse("one"));
    }
}
