package org.elastos.frontdoor.box;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request's method, path, query and the headers the box reads, checked before any handler sees them:
 * percent-escapes that decode, no parameter twice, no name of a path longer than a file system allows.
 *
 * @param authorization the {@code Authorization} header, or empty
 * @param range the {@code Range} header, if any
 */
record BoxRequest(String method, String path, Map<String, String> query, String authorization, Optional<String> range) {
    /** The longest name a file or folder may have (most file systems' limit, in bytes). */
    static final int MAX_NAME_BYTES = 255;
    private static final int MAX_PARAMETERS = 8;

    BoxRequest {
        query = Map.copyOf(query);
    }

    /** @throws IllegalArgumentException saying what is wrong, which the box answers with 400 */
    static BoxRequest parse(String method, String target, String authorization, Optional<String> range) {
        int mark = target.indexOf('?');
        String path = mark < 0 ? target : target.substring(0, mark);
        Map<String, String> query = new HashMap<>();
        if (mark >= 0 && mark < target.length() - 1) {
            String[] pairs = target.substring(mark + 1).split("&", -1);
            if (pairs.length > MAX_PARAMETERS) {
                throw new IllegalArgumentException("a request takes at most " + MAX_PARAMETERS + " parameters");
            }
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (query.put(name, value) != null) {
                    throw new IllegalArgumentException("the parameter \"" + name + "\" is given twice");
                }
            }
        }
        for (String name : query.getOrDefault("path", "").replace('\\', '/').split("/")) {
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("a file or folder name has at most " + MAX_NAME_BYTES + " bytes");
            }
        }
        return new BoxRequest(method, path, query, authorization, range);
    }

    String route() {
        return method + " " + path;
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the request has a broken percent-escape: " + e.getMessage());
        }
    }
}
