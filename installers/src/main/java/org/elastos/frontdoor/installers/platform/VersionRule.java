package org.elastos.frontdoor.installers.platform;

/** Why a version cannot be released: each value is one platform's rule, or one of our scheme's (ADR 0009). */
public enum VersionRule {
    /** Ours, and Apple's CFBundleShortVersionString: three period-separated decimal integers. */
    THREE_NUMBERS,
    /** Apple's CFBundleVersion, which jpackage checks on macOS: the first number is greater than zero. */
    APPLE_FIRST_NUMBER_POSITIVE,
    /** Windows Installer's ProductVersion: major at most 255. */
    MSI_MAJOR_AT_MOST_255,
    /** Windows Installer's ProductVersion: minor at most 255. */
    MSI_MINOR_AT_MOST_255,
    /** Windows Installer's ProductVersion: build (our patch) at most 65535. */
    MSI_BUILD_AT_MOST_65535,
    /** Ours: Android's versionCode packs minor and patch in three digits each, so each stays below 1000. */
    ANDROID_PARTS_BELOW_1000,
    /** Google Play: a versionCode is a positive integer no larger than 2100000000. */
    ANDROID_VERSION_CODE_RANGE,
    /** Ours: a release is built from a version without a suffix such as -SNAPSHOT. */
    RELEASE_WITHOUT_SUFFIX,
    /** Ours: the tag a release workflow runs for is "v" and the version. */
    TAG_NAMES_THE_VERSION
}
