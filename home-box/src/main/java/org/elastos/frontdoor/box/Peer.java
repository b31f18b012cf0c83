package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.did.DidKey;

/**
 * Who is on the other end of a connection: the DID its TLS handshake proved, and whether the box knew that DID when
 * the connection was made (an enrolled device, or one waiting for approval) or it is a stranger.
 */
record Peer(DidKey did, boolean device, String origin) {
}
