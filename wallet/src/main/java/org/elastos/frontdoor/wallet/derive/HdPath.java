package org.elastos.frontdoor.wallet.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * A BIP32 derivation path such as {@code m/44'/60'/0'/0/0}. Hardened steps carry the high bit, as BIP32 defines.
 */
public record HdPath(List<Integer> steps) {
    public static final int HARDENED = 0x8000_0000;

    public static final HdPath EVM_ACCOUNT = parse("m/44'/60'/0'/0/0");
    public static final HdPath PROFILE_DID = parse("m/44'/2305'/0'/0'/0'");
    public static final HdPath ELASTOS_DID = parse("m/44'/0'/0'/0/0");

    public HdPath {
        steps = List.copyOf(steps);
    }

    public static HdPath parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length == 0 || !parts[0].equals("m")) {
            throw new IllegalArgumentException("a derivation path starts with 'm/', got: " + text);
        }
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean hardened = part.endsWith("'") || part.endsWith("H") || part.endsWith("h");
            String digits = hardened ? part.substring(0, part.length() - 1) : part;
            long index;
            try {
                index = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' is not a path step in " + text, e);
            }
            if (index < 0 || index > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("step " + part + " is out of range in " + text);
            }
            steps.add((int) (hardened ? index | HARDENED : index));
        }
        return new HdPath(steps);
    }

    public static boolean isHardened(int step) {
        return (step & HARDENED) != 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("m");
        for (int step : steps) {
            out.append('/').append(step & ~HARDENED).append(isHardened(step) ? "'" : "");
        }
        return out.toString();
    }
}
