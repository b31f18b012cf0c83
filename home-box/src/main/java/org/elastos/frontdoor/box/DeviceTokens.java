package org.elastos.frontdoor.box;

import org.biscuitsec.biscuit.crypto.KeyPair;
import org.biscuitsec.biscuit.datalog.RunLimits;
import org.biscuitsec.biscuit.error.Error;
import org.biscuitsec.biscuit.token.Authorizer;
import org.biscuitsec.biscuit.token.Biscuit;
import org.biscuitsec.biscuit.token.RevocationIdentifier;
import org.elastos.frontdoor.link.BoxRefusal;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.hostkey.MachineSeed;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The box's capability tokens (Biscuit): it issues a device token at enrollment, naming the device's DID and its
 * role, and authorizes every request with one authorizer. A token works only over a link whose TLS peer is the DID
 * it names, so a copied token is useless on its own; owners may do anything, members may read.
 */
public final class DeviceTokens {
    /** The outcome of one authorization, with the reason shown to the device and written to the audit log. */
    public record Decision(Optional<BoxRefusal> refusal, String reason) {
        static Decision allow() {
            return new Decision(Optional.empty(), "allowed");
        }

        static Decision deny(BoxRefusal refusal, String reason) {
            return new Decision(Optional.of(refusal), reason);
        }

        public boolean allowed() {
            return refusal.isEmpty();
        }
    }

    public enum Role { OWNER, MEMBER }

    // A wall-clock guard against pathological tokens; generous, because a busy box on two cores must not deny an honest
    // request (a 50 ms limit did, under 100 concurrent downloads).
    private static final RunLimits LIMITS = new RunLimits(1000, 100, Duration.ofSeconds(1));

    private final KeyPair root;
    private final SecureRandom random;

    private DeviceTokens(KeyPair root, SecureRandom random) {
        this.root = root;
        this.random = random;
    }

    /** The box's root key for tokens, kept in its own file beside the box key (never the same key twice). */
    public static DeviceTokens loadOrCreate(Path file, SecureRandom random) {
        return new DeviceTokens(new KeyPair(MachineSeed.loadOrCreate(file, "biscuit_root_ed25519", random)), random);
    }

    /** A token for {@code device}; returns it serialized, with the revocation id that can later cancel it. */
    public Issued issue(DidKey device, Role role) {
        try {
            Biscuit token = Biscuit.builder(random, root)
                    .add_authority_fact("device(\"" + device.value() + "\")")
                    .add_authority_fact("role(\"" + role.name().toLowerCase() + "\")")
                    .build();
            List<RevocationIdentifier> ids = token.revocation_identifiers();
            return new Issued(token.serialize_b64url(), ids.get(0).serialize_b64url());
        } catch (Error e) {
            throw new IllegalStateException("cannot issue a device token: " + e, e);
        }
    }

    public record Issued(String token, String revocationId) {
    }

    /**
     * Decides one request.
     *
     * @param token the serialized token the request carries
     * @param peer the DID proven by the TLS handshake
     * @param operation {@code read}, {@code write} or {@code admin}
     * @param resource the path or object asked for
     * @param revoked revocation ids the box has cancelled
     */
    public Decision authorize(String token, DidKey peer, String operation, String resource, Set<String> revoked) {
        Biscuit biscuit;
        try {
            biscuit = Biscuit.from_b64url(token, root.public_key());
        } catch (Error | GeneralSecurityException | RuntimeException e) {
            return Decision.deny(BoxRefusal.TOKEN_INVALID, "the device token is not one this box issued");
        }
        for (RevocationIdentifier id : biscuit.revocation_identifiers()) {
            if (revoked.contains(id.serialize_b64url())) {
                return Decision.deny(BoxRefusal.REVOKED, "this device was revoked");
            }
        }
        try {
            Authorizer authorizer = biscuit.authorizer();
            authorizer.add_fact("peer(\"" + peer.value() + "\")");
            authorizer.add_fact("operation(\"" + quoteless(operation) + "\")");
            authorizer.add_fact("resource(\"" + quoteless(resource) + "\")");
            authorizer.add_check("check if device($d), peer($d)");
            authorizer.add_policy("allow if role(\"owner\")");
            authorizer.add_policy("allow if role(\"member\"), operation(\"read\")");
            authorizer.add_policy("deny if true");
            authorizer.authorize(LIMITS);
            return Decision.allow();
        } catch (Error.FailedLogic e) {
            return Decision.deny(BoxRefusal.NOT_ALLOWED, "the token does not allow " + operation + " of " + resource + " from " + peer);
        } catch (Error e) {
            return Decision.deny(BoxRefusal.TOKEN_INVALID, "the token could not be checked (" + e + ")");
        }
    }

    /** Datalog strings are quoted; a quote or backslash in a path is refused earlier, this is the last guard. */
    private static String quoteless(String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a quote or backslash cannot appear in an operation or resource");
        }
        return value;
    }
}
