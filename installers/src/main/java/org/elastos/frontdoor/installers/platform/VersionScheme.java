package org.elastos.frontdoor.installers.platform;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one place that turns the project's version into each platform's app version (ADR 0009), refusing what the
 * platform's packager or store would refuse, so a version no platform takes fails before any workflow runs.
 */
public final class VersionScheme {
    /** Google Play's largest versionCode. */
    public static final long ANDROID_MAX_VERSION_CODE = 2_100_000_000L;

    private VersionScheme() {
    }

    /** The version a platform's packager is given for this project version (a -SNAPSHOT build gets its numbers). */
    public static PlatformVersion forPlatform(ProjectVersion version, Platform platform) {
        switch (platform) {
            case MACOS, IOS -> requireAppleFirstNumber(version, platform);
            case WINDOWS -> requireMsiRanges(version);
            case ANDROID -> {
                return new PlatformVersion(platform, version.numbers(), OptionalLong.of(androidVersionCode(version)));
            }
            case LINUX -> {
                // Debian versions start with a digit and may be 0.x: three numbers always fit.
            }
        }
        return new PlatformVersion(platform, version.numbers(), OptionalLong.empty());
    }

    /** Every platform's version, or the first refusal: a release ships the same version everywhere. */
    public static List<PlatformVersion> forEveryPlatform(ProjectVersion version) {
        return Arrays.stream(Platform.values()).map(platform -> forPlatform(version, platform)).toList();
    }

    /**
     * A release is built from a version without a suffix, and when a tag started the workflow, the tag is "v" and
     * that version, so the installers, the manifests and the tag cannot disagree.
     */
    public static void requireRelease(ProjectVersion version, String tag) {
        if (!version.isRelease()) {
            throw new VersionRefusedException(VersionRule.RELEASE_WITHOUT_SUFFIX, "the tag " + tag + " is on a build of "
                    + version + ": set <version> in every pom to " + version.numbers() + " in the commit you tag");
        }
        if (!tag.equals("v" + version)) {
            throw new VersionRefusedException(VersionRule.TAG_NAMES_THE_VERSION, "the tag " + tag + " does not name this build's version "
                    + version + ": tag the commit v" + version + ", or set <version> in every pom to the tag's version");
        }
    }

    private static void requireAppleFirstNumber(ProjectVersion version, Platform platform) {
        if (version.major() < 1) {
            throw new VersionRefusedException(VersionRule.APPLE_FIRST_NUMBER_POSITIVE, platform.displayName()
                    + " refuses " + version.numbers() + ": the first number of CFBundleVersion must be greater than zero"
                    + " (jpackage skips its DMG and PKG bundlers). Release it as " + (version.major() + 1) + ".0.0 or later.");
        }
    }

    private static void requireMsiRanges(ProjectVersion version) {
        if (version.major() > 255) {
            throw new VersionRefusedException(VersionRule.MSI_MAJOR_AT_MOST_255,
                    "Windows Installer refuses " + version.numbers() + ": the major version is at most 255.");
        }
        if (version.minor() > 255) {
            throw new VersionRefusedException(VersionRule.MSI_MINOR_AT_MOST_255, "Windows Installer refuses " + version.numbers()
                    + ": the minor version is at most 255. Release it as " + (version.major() + 1) + ".0.0 instead.");
        }
        if (version.patch() > 65535) {
            throw new VersionRefusedException(VersionRule.MSI_BUILD_AT_MOST_65535, "Windows Installer refuses " + version.numbers()
                    + ": the third number is at most 65535. Release it as " + version.major() + "." + (version.minor() + 1) + ".0 instead.");
        }
    }

    /** MAJOR * 1000000 + MINOR * 1000 + PATCH: ordered like the versions, so every release's code is higher. */
    private static long androidVersionCode(ProjectVersion version) {
        if (version.minor() > 999 || version.patch() > 999) {
            throw new VersionRefusedException(VersionRule.ANDROID_PARTS_BELOW_1000, "Android's versionCode for " + version.numbers()
                    + " would not be ordered: the minor and patch numbers are at most 999 each. Raise the next number instead.");
        }
        long code = version.major() * 1_000_000L + version.minor() * 1_000L + version.patch();
        if (code < 1 || code > ANDROID_MAX_VERSION_CODE) {
            throw new VersionRefusedException(VersionRule.ANDROID_VERSION_CODE_RANGE, "Android refuses " + version.numbers()
                    + ": its versionCode " + code + " is not between 1 and " + ANDROID_MAX_VERSION_CODE + ".");
        }
        return code;
    }
}
