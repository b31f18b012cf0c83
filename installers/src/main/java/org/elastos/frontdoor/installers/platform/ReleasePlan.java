package org.elastos.frontdoor.installers.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one release workflow builds for one target: the version its packager is given, and the names of its files
 * and of its manifest. The workflows take every name from here ({@code frontdoor release plan}), so the updater
 * and the download page can rely on them.
 */
public record ReleasePlan(ProjectVersion version, ReleaseTarget target, PlatformVersion appVersion) {
    public static final String PRODUCT = "elastos-frontdoor";

    /** Checks the version against every platform's rules first: a release ships one version everywhere. */
    public static ReleasePlan of(ProjectVersion version, ReleaseTarget target) {
        VersionScheme.forEveryPlatform(version);
        return new ReleasePlan(version, target, VersionScheme.forPlatform(version, target.platform()));
    }

    /** A file this target's workflow produces. */
    public record PlannedFile(InstallerKind kind, String name) {
    }

    public List<PlannedFile> files() {
        return InstallerKind.builtFor(target.platform()).stream().map(kind -> new PlannedFile(kind, fileName(kind))).toList();
    }

    public String fileName(InstallerKind kind) {
        if (kind.platform() != target.platform()) {
            throw new IllegalArgumentException(target + " has no ." + kind.extension() + " file");
        }
        // Debian's own convention (what jpackage writes, and what apt users expect); every other file is named alike.
        if (kind == InstallerKind.DEB) {
            return PRODUCT + "_" + appVersion.name() + "-1_" + (target.arch() == Arch.X64 ? "amd64" : "arm64") + ".deb";
        }
        return PRODUCT + "-" + appVersion.name() + "-" + target.id() + "." + kind.extension();
    }

    public String manifestName() {
        return manifestName(target);
    }

    public static String manifestName(ReleaseTarget target) {
        return "release-manifest-" + target.id() + ".json";
    }

    public Optional<String> updaterFile() {
        return InstallerKind.updaterInstalls(target.platform()).map(this::fileName);
    }

    /**
     * The plan as KEY=value lines for a workflow's $GITHUB_ENV: RELEASE_VERSION, APP_VERSION, RELEASE_TARGET,
     * RELEASE_MANIFEST, one RELEASE_&lt;KIND&gt; per file, and ANDROID_VERSION_CODE on Android.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RELEASE_VERSION", version.toString());
        env.put("APP_VERSION", appVersion.name());
        appVersion.code().ifPresent(code -> env.put("ANDROID_VERSION_CODE", Long.toString(code)));
        env.put("RELEASE_TARGET", target.id());
        env.put("RELEASE_MANIFEST", manifestName());
        for (PlannedFile file : files()) {
            env.put("RELEASE_" + file.kind().name(), file.name());
        }
        return env;
    }
}
