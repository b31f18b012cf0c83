package org.elastos.frontdoor.wallet.envelope;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The purposes a signature can be made for. A domain is hashed into every signature, so an envelope signed as a
 * pairing invite can never pass as a release manifest.
 */
public final class EnvelopeDomains {
    public static final String PAIR_INVITE = "elastos.pc2.pair-invite.v1";
    /** An invite without its secret, left at a relay so a typed pairing code can find the box. */
    public static final String PAIR_BEACON = "elastos.pc2.pair-beacon.v1";
    public static final String DEVICE_CERTIFICATE = "elastos.device-certificate.v1";
    public static final String CAPSULE = "elastos.capsule.v1";
    public static final String RELEASE = "elastos.release.v1";
    /** A box's signed statement of where its audit log ended, kept by its devices. */
    public static final String AUDIT_CHECKPOINT = "elastos.audit.checkpoint.v1";
    /** A film (or any item) in a box's shop window: what it is, signed by the box that sells it. */
    public static final String STORE_ITEM = "elastos.store.item.v1";
    /** A film's content key sealed to one playback's key, signed by the box that sold it. */
    public static final String FILM_LICENSE = "elastos.film.license.v1";

    /** The domains this app issues or checks; a verifier that is not told the domain tries these. */
    public static final List<String> KNOWN = List.of(PAIR_INVITE, PAIR_BEACON, DEVICE_CERTIFICATE, CAPSULE, RELEASE,
            AUDIT_CHECKPOINT, STORE_ITEM, FILM_LICENSE);

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*\\.v[0-9]+");

    private EnvelopeDomains() {
    }

    public static boolean isWellFormed(String domain) {
        return domain != null && SHAPE.matcher(domain).matches();
    }

    /** @throws IllegalArgumentException unless the domain looks like {@code name.parts.vN} in lower-case ASCII */
    public static String require(String domain) {
        if (!isWellFormed(domain)) {
            throw new IllegalArgumentException("a signing domain is lower-case ASCII ending in a version, like "
                    + PAIR_INVITE + "; got \"" + domain + "\"");
        }
        return domain;
    }
}
