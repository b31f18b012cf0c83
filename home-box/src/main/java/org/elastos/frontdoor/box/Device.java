package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.did.DidKey;

import java.time.Instant;
import java.util.Optional;

/**
 * A device the box knows: enrolled (with its token's revocation id), waiting for an owner's approval, or revoked.
 *
 * @param revocationId empty while pending
 */
public record Device(DidKey did, String name, DeviceTokens.Role role, State state, Instant enrolledAt,
                     Instant lastSeen, Optional<String> revocationId) {
    public enum State { ACTIVE, PENDING, REVOKED }

    public Device withState(State next) {
        return new Device(did, name, role, next, enrolledAt, lastSeen, revocationId);
    }

    public Device seenAt(Instant when) {
        return new Device(did, name, role, state, enrolledAt, when, revocationId);
    }

    public Device approved(String tokenRevocationId) {
        return new Device(did, name, role, State.ACTIVE, enrolledAt, lastSeen, Optional.of(tokenRevocationId));
    }
}
