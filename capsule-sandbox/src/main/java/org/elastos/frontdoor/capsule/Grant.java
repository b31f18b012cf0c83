package org.elastos.frontdoor.capsule;

import java.util.Map;
import java.util.Optional;

/** Permission for one capability, narrowed by its arguments (which folder, say). */
public record Grant(String capability, Map<String, String> args) {
    public Grant {
        args = Map.copyOf(args);
    }

    public static Grant of(String capability) {
        return new Grant(capability, Map.of());
    }

    public Optional<String> arg(String name) {
        return Optional.ofNullable(args.get(name));
    }

    @Override
    public String toString() {
        return args.isEmpty() ? capability : capability + args;
    }
}
