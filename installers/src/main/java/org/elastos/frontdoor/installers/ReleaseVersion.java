package org.elastos.frontdoor.installers;

import java.util.ArrayList;
import java.util.List;

/** Orders versions like 0.9.2 &lt; 0.10.0 &lt; 1.0.0; a suffix such as "-SNAPSHOT" sorts before the plain release. */
public record ReleaseVersion(List<Integer> numbers, String suffix) implements Comparable<ReleaseVersion> {
    public ReleaseVersion {
        numbers = List.copyOf(numbers);
    }

    public static ReleaseVersion parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        String core = dash < 0 ? trimmed : trimmed.substring(0, dash);
        List<Integer> numbers = new ArrayList<>();
        for (String part : core.split("\\.")) {
            try {
                numbers.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a version like 1.2.3", e);
            }
        }
        return new ReleaseVersion(numbers, dash < 0 ? "" : trimmed.substring(dash + 1));
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
            int a = i < numbers.size() ? numbers.get(i) : 0;
            int b = i < other.numbers.size() ? other.numbers.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        if (suffix.isEmpty() != other.suffix.isEmpty()) {
            return suffix.isEmpty() ? 1 : -1;
        }
        return suffix.compareTo(other.suffix);
    }
}
