package org.elastos.frontdoor.wallet.hostkey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A machine's own Ed25519 identity, for a daemon that must start unattended (a home box, a relay): like an SSH
 * host key, it is kept in a file only its owner can read, not behind a password. People's keys live in a
 * {@link org.elastos.frontdoor.wallet.vault.Vault}; this is for machines.
 */
public final class HostKey implements DidSigner {
    private final Ed25519PrivateKeyParameters key;
    private final DidKey did;

    private HostKey(byte[] seed) {
        this.key = new Ed25519PrivateKeyParameters(seed, 0);
        this.did = DidKey.fromEd25519PublicKey(key.generatePublicKey().getEncoded());
    }

    /**
     * Reads the key at {@code file}, or makes one there when there is none. Two processes starting at once end up
     * with the same key: the file is published whole or not at all.
     *
     * @throws WalletException when the file exists but is not a host key
     */
    public static HostKey loadOrCreate(Path file, SecureRandom random) {
        return new HostKey(MachineSeed.loadOrCreate(file, "ed25519_seed", random));
    }

    @Override
    public DidKey did() {
        return did;
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public Envelope signEnvelope(String domain, ObjectNode payload) {
        return Envelope.of(domain, payload, sign(Envelope.signingDigest(domain, payload)), did);
    }
}
