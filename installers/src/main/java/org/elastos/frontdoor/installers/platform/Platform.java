package org.elastos.frontdoor.installers.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The operating systems a release is built for. The id is how file names, manifests and the CLI name it. */
public enum Platform {
    MACOS("macos", "macOS"),
    WINDOWS("windows", "Windows"),
    LINUX("linux", "Linux"),
    ANDROID("android", "Android"),
    IOS("ios", "iOS");

    private final String id;
    private final String displayName;

    Platform(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    /** The platform's own spelling of its name, which is the same in every language. */
    public String displayName() {
        return displayName;
    }

    public static Platform parse(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + id + "\" is not a platform; use one of "
                        + Arrays.stream(values()).map(Platform::id).collect(Collectors.joining(", "))));
    }
}
