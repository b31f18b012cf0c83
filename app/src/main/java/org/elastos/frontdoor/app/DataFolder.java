package org.elastos.frontdoor.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where a person's identities live by default, following each platform's convention. */
public final class DataFolder {
    private static final String NAME = "elastOS Front Door";

    private DataFolder() {
    }

    public static Path forThisUser() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            return Optional.ofNullable(System.getenv("APPDATA")).map(Path::of).orElse(home).resolve(NAME);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        return Optional.ofNullable(System.getenv("XDG_DATA_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(home.resolve(".local").resolve("share")).resolve("elastos-frontdoor");
    }

    /** Where things that can be made again are kept (the demo's films): the platform's cache folder. */
    public static Path cacheForThisUser() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            return Optional.ofNullable(System.getenv("LOCALAPPDATA")).map(Path::of).orElse(home).resolve(NAME).resolve("Cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Caches").resolve(NAME);
        }
        return Optional.ofNullable(System.getenv("XDG_CACHE_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(home.resolve(".cache")).resolve("elastos-frontdoor");
    }
}
