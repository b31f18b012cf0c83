package org.elastos.frontdoor.installers.platform;

import java.util.OptionalLong;

/**
 * A version as one platform's packager takes it: {@code name} is jpackage's --app-version (macOS
 * CFBundleShortVersionString and CFBundleVersion, Windows Installer ProductVersion, the Debian version), Android's
 * versionName, iOS's CFBundleShortVersionString and CFBundleVersion; {@code code} is Android's versionCode.
 */
public record PlatformVersion(Platform platform, String name, OptionalLong code) {
}
