package org.elastos.frontdoor.wallet.signer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;

/** Signs with one Ed25519 key named by its DID. The key itself never leaves the wallet. */
public interface DidSigner {
    DidKey did();

    /** An Ed25519 signature (64 bytes) over the message. */
    byte[] sign(byte[] message);

    /** A signed envelope for the payload, bound to {@code domain} (see DESIGN.md, Signed envelopes). */
    Envelope signEnvelope(String domain, ObjectNode payload);
}
