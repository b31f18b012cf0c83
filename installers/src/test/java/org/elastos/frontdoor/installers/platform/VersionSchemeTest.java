package org.elastos.frontdoor.installers.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each platform's rules for app versions, and the version the release actually uses (read from the root pom). */
class VersionSchemeTest {
    private static VersionRule refusal(String version, Platform platform) {
        return assertThrows(VersionRefusedException.class,
                () -> VersionScheme.forPlatform(ProjectVersion.parse(version), platform)).rule();
    }

    private static String accepted(String version, Platform platform) {
        return VersionScheme.forPlatform(ProjectVersion.parse(version), platform).name();
    }

    /** The version every pom states, as the release workflows read it. */
    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<artifactId>frontdoor</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the root pom states the project's version");
        return m.group(1);
    }

    @Test
    void refusesAVersionStartingWithZeroForMacOs() {
        assertEquals(VersionRule.APPLE_FIRST_NUMBER_POSITIVE, refusal("0.1.0", Platform.MACOS));
        VersionRefusedException e = assertThrows(VersionRefusedException.class,
                () -> VersionScheme.forPlatform(ProjectVersion.parse("0.1.0"), Platform.MACOS));
        assertTrue(e.getMessage().contains("1.0.0"), "says what to release instead: " + e.getMessage());
    }

    @Test
    void refusesAVersionStartingWithZeroForIos() {
        assertEquals(VersionRule.APPLE_FIRST_NUMBER_POSITIVE, refusal("0.9.9", Platform.IOS));
    }

    @Test
    void linuxTakesAVersionStartingWithZeroButTheReleaseDoesNot() {
        assertEquals("0.1.0", accepted("0.1.0", Platform.LINUX));
        assertThrows(VersionRefusedException.class, () -> ReleasePlan.of(ProjectVersion.parse("0.1.0"), ReleaseTarget.LINUX_X64),
                "one version for every platform: what macOS refuses, no workflow releases");
    }

    @Test
    void refusesWhatWindowsInstallerRefuses() {
        assertEquals("255.255.65535", accepted("255.255.65535", Platform.WINDOWS));
        assertEquals(VersionRule.MSI_MAJOR_AT_MOST_255, refusal("256.0.0", Platform.WINDOWS));
        assertEquals(VersionRule.MSI_MINOR_AT_MOST_255, refusal("1.256.0", Platform.WINDOWS));
        assertEquals(VersionRule.MSI_BUILD_AT_MOST_65535, refusal("1.0.65536", Platform.WINDOWS));
    }

    @Test
    void androidVersionCodesFollowTheVersionsOrderAndStayWithinGooglePlaysLimit() {
        PlatformVersion first = VersionScheme.forPlatform(ProjectVersion.parse("1.0.0"), Platform.ANDROID);
        assertEquals(OptionalLong.of(1_000_000L), first.code());
        long patch = VersionScheme.forPlatform(ProjectVersion.parse("1.0.999"), Platform.ANDROID).code().orElseThrow();
        long minor = VersionScheme.forPlatform(ProjectVersion.parse("1.1.0"), Platform.ANDROID).code().orElseThrow();
        long major = VersionScheme.forPlatform(ProjectVersion.parse("2.0.0"), Platform.ANDROID).code().orElseThrow();
        assertTrue(first.code().orElseThrow() < patch && patch < minor && minor < major);
        assertEquals(OptionalLong.of(VersionScheme.ANDROID_MAX_VERSION_CODE),
                VersionScheme.forPlatform(ProjectVersion.parse("2100.0.0"), Platform.ANDROID).code());
        assertEquals(VersionRule.ANDROID_VERSION_CODE_RANGE, refusal("2100.0.1", Platform.ANDROID));
        assertEquals(VersionRule.ANDROID_VERSION_CODE_RANGE, refusal("0.0.0", Platform.ANDROID));
        assertEquals(VersionRule.ANDROID_PARTS_BELOW_1000, refusal("1.1000.0", Platform.ANDROID));
    }

    @Test
    void refusesWhatIsNotThreeNumbers() {
        for (String bad : new String[] {"1.0", "1.0.0.0", "1.02.3", "v1.0.0", "1.0.0-", "one", "1..0"}) {
            assertEquals(VersionRule.THREE_NUMBERS, assertThrows(VersionRefusedException.class, () -> ProjectVersion.parse(bad)).rule(), bad);
        }
    }

    @Test
    void acceptsTheVersionTheReleaseUsesOnEveryPlatform() throws Exception {
        ProjectVersion version = ProjectVersion.parse(projectVersion());
        assertTrue(version.major() >= 1, "the first public release is 1.0.0 or later (ADR 0009), the poms say " + version);
        for (PlatformVersion platform : VersionScheme.forEveryPlatform(version)) {
            assertEquals(version.numbers(), platform.name(), platform.platform() + " is given the version's three numbers");
        }
        assertEquals(OptionalLong.of(version.major() * 1_000_000L + version.minor() * 1_000L + version.patch()),
                VersionScheme.forPlatform(version, Platform.ANDROID).code());
    }

    @Test
    void aSnapshotIsPackagedWithItsNumbersButNeverReleasedFromATag() {
        ProjectVersion snapshot = ProjectVersion.parse("1.0.0-SNAPSHOT");
        assertEquals("1.0.0", VersionScheme.forPlatform(snapshot, Platform.MACOS).name());
        assertEquals(VersionRule.RELEASE_WITHOUT_SUFFIX,
                assertThrows(VersionRefusedException.class, () -> VersionScheme.requireRelease(snapshot, "v1.0.0")).rule());
        assertEquals(VersionRule.TAG_NAMES_THE_VERSION, assertThrows(VersionRefusedException.class,
                () -> VersionScheme.requireRelease(ProjectVersion.parse("1.0.1"), "v1.0.0")).rule());
        VersionScheme.requireRelease(ProjectVersion.parse("1.0.0"), "v1.0.0");
    }
}
