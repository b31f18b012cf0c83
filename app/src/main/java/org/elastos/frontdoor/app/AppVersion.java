package org.elastos.frontdoor.app;

import java.util.Optional;

/** The version the build stamped into the app jar's manifest. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        return Optional.ofNullable(AppVersion.class.getPackage().getImplementationVersion()).orElse("0.0.0-dev");
    }
}
