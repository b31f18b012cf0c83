package org.elastos.frontdoor.installers.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's version as the poms state it: MAJOR.MINOR.PATCH, with a suffix such as "-SNAPSHOT" between
 * releases. Which platforms accept it is {@link VersionScheme}'s question.
 */
public record ProjectVersion(int major, int minor, int patch, Optional<String> suffix) {
    // No leading zeros: Apple drops them (1.02.3 is 1.2.3), so two spellings of one version are refused.
    private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})(?:-([0-9A-Za-z.-]+))?");

    public ProjectVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("a version's numbers are not negative");
        }
    }

    public static ProjectVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new VersionRefusedException(VersionRule.THREE_NUMBERS, "\"" + text + "\" is not a version like 1.2.3:"
                    + " every platform takes three numbers separated by dots, without leading zeros."
                    + " Set <version> in every pom to such a version (with -SNAPSHOT between releases).");
        }
        return new ProjectVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Optional.ofNullable(m.group(4)));
    }

    /** The three numbers without the suffix, as installers carry them. */
    public String numbers() {
        return major + "." + minor + "." + patch;
    }

    public boolean isRelease() {
        return suffix.isEmpty();
    }

    @Override
    public String toString() {
        return numbers() + suffix.map(s -> "-" + s).orElse("");
    }
}
