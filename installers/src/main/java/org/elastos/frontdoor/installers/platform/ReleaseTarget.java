package org.elastos.frontdoor.installers.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One platform and architecture a release workflow builds for, such as macOS on Apple silicon
 * ({@code macos-arm64}). A manifest names its target, so the updater never offers a file built for another machine.
 */
public record ReleaseTarget(Platform platform, Arch arch) {
    public static final ReleaseTarget MACOS_X64 = new ReleaseTarget(Platform.MACOS, Arch.X64);
    public static final ReleaseTarget MACOS_ARM64 = new ReleaseTarget(Platform.MACOS, Arch.ARM64);
    public static final ReleaseTarget WINDOWS_X64 = new ReleaseTarget(Platform.WINDOWS, Arch.X64);
    public static final ReleaseTarget LINUX_X64 = new ReleaseTarget(Platform.LINUX, Arch.X64);
    public static final ReleaseTarget ANDROID_ARM64 = new ReleaseTarget(Platform.ANDROID, Arch.ARM64);
    public static final ReleaseTarget IOS_ARM64 = new ReleaseTarget(Platform.IOS, Arch.ARM64);

    /** Every target a release has, in the order the download page lists them. */
    public static final List<ReleaseTarget> ALL = List.of(MACOS_ARM64, MACOS_X64, WINDOWS_X64, LINUX_X64, ANDROID_ARM64, IOS_ARM64);

    public ReleaseTarget {
        if (platform == null || arch == null) {
            throw new IllegalArgumentException("a release target names a platform and an architecture");
        }
    }

    /** Parses {@code macos-arm64}; only the targets in {@link #ALL} exist. */
    public static ReleaseTarget parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("\"" + id + "\" is not a release target like macos-arm64");
        }
        ReleaseTarget target = new ReleaseTarget(Platform.parse(id.substring(0, dash)), Arch.parse(id.substring(dash + 1)));
        if (!ALL.contains(target)) {
            throw new IllegalArgumentException("no release is built for " + id + "; the targets are "
                    + String.join(", ", ALL.stream().map(ReleaseTarget::id).toList()));
        }
        return target;
    }

    /** The target this Java runtime runs on, when a release is built for it. */
    public static Optional<ReleaseTarget> ofThisMachine() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                Optional.ofNullable(System.getProperty("javafx.platform")));
    }

    /** @param javafxPlatform GluonFX's native images say "android" or "ios" here; a desktop JVM says nothing */
    static Optional<ReleaseTarget> of(String osName, String osArch, Optional<String> javafxPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        String mobile = javafxPlatform.orElse("").toLowerCase(Locale.ROOT);
        Platform platform;
        if (mobile.equals("android")) {
            platform = Platform.ANDROID;
        } else if (mobile.equals("ios")) {
            platform = Platform.IOS;
        } else if (os.startsWith("mac")) {
            platform = Platform.MACOS;
        } else if (os.startsWith("windows")) {
            platform = Platform.WINDOWS;
        } else if (os.startsWith("linux")) {
            platform = Platform.LINUX;
        } else {
            return Optional.empty();
        }
        try {
            ReleaseTarget target = new ReleaseTarget(platform, Arch.ofJava(osArch));
            return ALL.contains(target) ? Optional.of(target) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String id() {
        return platform.id() + "-" + arch.id();
    }

    @Override
    public String toString() {
        return id();
    }
}
