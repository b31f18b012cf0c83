package org.elastos.frontdoor.wallet.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.wallet.EvmAddress;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.signer.DidSigner;
import org.elastos.frontdoor.wallet.signer.EvmSignature;
import org.elastos.frontdoor.wallet.signer.Signer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;

import java.util.function.Function;

/** The {@link Signer} handed out by an unlocked wallet; every call goes dead when the wallet locks. */
final class KeyRingSigner implements Signer {
    private final KeyRing keys;
    private final Runnable onUse;
    private final DidKey did;
    private final EvmAddress evmAddress;
    private final DidSigner device;

    KeyRingSigner(KeyRing keys, Runnable onUse) {
        this.keys = keys;
        this.onUse = onUse;
        this.did = keys.profileDid();
        this.evmAddress = keys.evmAddress();
        this.device = new Ed25519(keys.deviceDid(), keys::signAsDevice, onUse);
    }

    @Override
    public DidKey did() {
        return did;
    }

    @Override
    public byte[] sign(byte[] message) {
        onUse.run();
        return keys.signAsProfile(message);
    }

    @Override
    public Envelope signEnvelope(String domain, ObjectNode payload) {
        return envelope(did, this::sign, domain, payload);
    }

    @Override
    public EvmAddress evmAddress() {
        return evmAddress;
    }

    @Override
    public EvmSignature personalSign(byte[] message) {
        onUse.run();
        Sign.SignatureData data = Sign.signPrefixedMessage(message, keys.evmKey());
        return new EvmSignature(data.getR(), data.getS(), data.getV()[0]);
    }

    @Override
    public byte[] signTransaction(RawTransaction transaction, long chainId) {
        onUse.run();
        Credentials credentials = Credentials.create(keys.evmKey());
        if (transaction.getTransaction() instanceof Transaction1559 dynamicFee) {
            if (dynamicFee.getChainId() != chainId) {
                throw new IllegalArgumentException("this transaction is for chain " + dynamicFee.getChainId()
                        + ", not chain " + chainId + "; refusing to sign it");
            }
            return TransactionEncoder.signMessage(transaction, credentials);
        }
        return TransactionEncoder.signMessage(transaction, chainId, credentials);
    }

    @Override
    public DidSigner device() {
        return device;
    }

    private static Envelope envelope(DidKey signer, Function<byte[], byte[]> sign, String domain, ObjectNode payload) {
        return Envelope.of(domain, payload, sign.apply(Envelope.signingDigest(domain, payload)), signer);
    }

    private record Ed25519(DidKey did, Function<byte[], byte[]> signFunction, Runnable onUse) implements DidSigner {
        @Override
        public byte[] sign(byte[] message) {
            onUse.run();
            return signFunction.apply(message);
        }

        @Override
        public Envelope signEnvelope(String domain, ObjectNode payload) {
            return envelope(did, this::sign, domain, payload);
        }
    }
}
