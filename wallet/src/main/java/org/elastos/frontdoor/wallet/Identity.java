package org.elastos.frontdoor.wallet;

import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.did.ElastosDid;
import org.elastos.frontdoor.wallet.envelope.Envelope;

/**
 * Everything about a person's identity that is safe to show: no secret in here. The device certificate is the
 * profile key's signature over the device DID, so anyone can check that this installation speaks for the profile.
 */
public record Identity(DidKey did, EvmAddress evmAddress, ElastosDid elastosDid, DidKey deviceDid,
                       Envelope deviceCertificate) {
}
