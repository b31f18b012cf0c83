package org.elastos.frontdoor.views;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Every word a person reads comes from {@code strings.properties}, so the app can be translated. */
public final class Strings {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.elastos.frontdoor.views.strings");

    private Strings() {
    }

    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
