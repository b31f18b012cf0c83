package org.elastos.frontdoor.installers.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file a release workflow builds, each for one platform. */
public enum InstallerKind {
    DMG(Platform.MACOS, "dmg"),
    PKG(Platform.MACOS, "pkg"),
    MSI(Platform.WINDOWS, "msi"),
    DEB(Platform.LINUX, "deb"),
    APK(Platform.ANDROID, "apk"),
    AAB(Platform.ANDROID, "aab"),
    IPA(Platform.IOS, "ipa");

    private final Platform platform;
    private final String extension;

    InstallerKind(Platform platform, String extension) {
        this.platform = platform;
        this.extension = extension;
    }

    public Platform platform() {
        return platform;
    }

    public String extension() {
        return extension;
    }

    /** What the workflow for a platform builds, the one a person installs by hand first. */
    public static List<InstallerKind> builtFor(Platform platform) {
        return Arrays.stream(values()).filter(kind -> kind.platform == platform).toList();
    }

    /**
     * The file the updater downloads on a platform: the disk image on a Mac, the .msi, the .deb, the .apk. iOS apps
     * are installed only through the App Store, and an .aab only by Google Play, so neither is ever offered.
     */
    public static Optional<InstallerKind> updaterInstalls(Platform platform) {
        return switch (platform) {
            case MACOS -> Optional.of(DMG);
            case WINDOWS -> Optional.of(MSI);
            case LINUX -> Optional.of(DEB);
            case ANDROID -> Optional.of(APK);
            case IOS -> Optional.empty();
        };
    }

    public static Optional<InstallerKind> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> lower.endsWith("." + kind.extension)).findFirst();
    }
}
