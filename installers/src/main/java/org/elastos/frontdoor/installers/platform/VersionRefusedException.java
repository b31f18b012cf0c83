package org.elastos.frontdoor.installers.platform;

/** A version that a platform (or our scheme) would refuse; the message says which rule and what to change. */
public final class VersionRefusedException extends IllegalArgumentException {
    private final VersionRule rule;

    public VersionRefusedException(VersionRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public VersionRule rule() {
        return rule;
    }
}
