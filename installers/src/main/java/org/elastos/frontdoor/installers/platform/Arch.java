package org.elastos.frontdoor.installers.platform;

import java.util.Arrays;
import java.util.Locale;

/** Processor architectures, named as Apple and Microsoft name them to people (x64, arm64), not as Java does. */
public enum Arch {
    X64("x64"),
    ARM64("arm64");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Arch parse(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + id + "\" is not an architecture; use x64 or arm64"));
    }

    /** Java's os.arch: "amd64" or "x86_64" on Intel and AMD, "aarch64" on ARM. */
    public static Arch ofJava(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return ARM64;
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return X64;
        }
        throw new IllegalArgumentException("no release is built for the architecture " + osArch);
    }
}
