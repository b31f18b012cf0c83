package org.elastos.frontdoor.installers.platform;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleasePlanTest {
    private static final ProjectVersion V = ProjectVersion.parse("1.2.3");

    @Test
    void namesEveryFileByVersionPlatformAndArchitecture() {
        assertEquals(List.of("elastos-frontdoor-1.2.3-macos-arm64.dmg", "elastos-frontdoor-1.2.3-macos-arm64.pkg"),
                ReleasePlan.of(V, ReleaseTarget.MACOS_ARM64).files().stream().map(ReleasePlan.PlannedFile::name).toList());
        assertEquals("elastos-frontdoor_1.2.3-1_amd64.deb", ReleasePlan.of(V, ReleaseTarget.LINUX_X64).fileName(InstallerKind.DEB));
        assertEquals("release-manifest-windows-x64.json", ReleasePlan.of(V, ReleaseTarget.WINDOWS_X64).manifestName());
        Set<String> names = new HashSet<>();
        for (ReleaseTarget target : ReleaseTarget.ALL) {
            ReleasePlan plan = ReleasePlan.of(V, target);
            assertTrue(names.add(plan.manifestName()));
            plan.files().forEach(file -> assertTrue(names.add(file.name()), "no two targets share a file name: " + file.name()));
        }
    }

    @Test
    void givesAWorkflowItsEnvironment() {
        Map<String, String> env = ReleasePlan.of(ProjectVersion.parse("1.0.0-SNAPSHOT"), ReleaseTarget.ANDROID_ARM64).environment();
        assertEquals("1.0.0-SNAPSHOT", env.get("RELEASE_VERSION"));
        assertEquals("1.0.0", env.get("APP_VERSION"));
        assertEquals("1000000", env.get("ANDROID_VERSION_CODE"));
        assertEquals("elastos-frontdoor-1.0.0-android-arm64.apk", env.get("RELEASE_APK"));
        assertEquals("release-manifest-android-arm64.json", env.get("RELEASE_MANIFEST"));
    }

    @Test
    void theUpdaterInstallsOneKindPerPlatformAndNothingOnIos() {
        assertEquals(Optional.of("elastos-frontdoor-1.2.3-macos-x64.dmg"), ReleasePlan.of(V, ReleaseTarget.MACOS_X64).updaterFile());
        assertEquals(Optional.empty(), ReleasePlan.of(V, ReleaseTarget.IOS_ARM64).updaterFile());
    }

    @Test
    void knowsTheMachineItRunsOn() {
        assertEquals(Optional.of(ReleaseTarget.MACOS_ARM64), ReleaseTarget.of("Mac OS X", "aarch64", Optional.empty()));
        assertEquals(Optional.of(ReleaseTarget.MACOS_X64), ReleaseTarget.of("Mac OS X", "x86_64", Optional.empty()));
        assertEquals(Optional.of(ReleaseTarget.WINDOWS_X64), ReleaseTarget.of("Windows 11", "amd64", Optional.empty()));
        assertEquals(Optional.of(ReleaseTarget.LINUX_X64), ReleaseTarget.of("Linux", "amd64", Optional.empty()));
        assertEquals(Optional.of(ReleaseTarget.ANDROID_ARM64), ReleaseTarget.of("Linux", "aarch64", Optional.of("android")));
        assertEquals(Optional.empty(), ReleaseTarget.of("Linux", "aarch64", Optional.empty()), "no Linux arm64 release is built");
        assertEquals(Optional.empty(), ReleaseTarget.of("FreeBSD", "amd64", Optional.empty()));
    }

    @Test
    void refusesATargetNoWorkflowBuilds() {
        assertEquals(ReleaseTarget.MACOS_ARM64, ReleaseTarget.parse("macos-arm64"));
        assertThrows(IllegalArgumentException.class, () -> ReleaseTarget.parse("windows-arm64"));
        assertThrows(IllegalArgumentException.class, () -> ReleaseTarget.parse("macos-aarch64"));
        assertThrows(IllegalArgumentException.class, () -> ReleaseTarget.parse("macos"));
    }
}
