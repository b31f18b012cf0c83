package org.elastos.frontdoor.wallet.signer;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.web3j.crypto.RawTransaction;

/**
 * What the rest of the app holds instead of keys: it can sign as the profile DID, as the EVM account, and as this
 * device, and nothing more. Every method throws {@link org.elastos.frontdoor.wallet.vault.WalletLockedException}
 * once the wallet is locked.
 */
public interface Signer extends DidSigner {
    EvmAddress evmAddress();

    /** EIP-191 {@code personal_sign}: the message is prefixed with "\x19Ethereum Signed Message:\n" and its length. */
    EvmSignature personalSign(byte[] message);

    /**
     * Signs a transaction for {@code chainId} and returns the raw signed bytes, ready for
     * {@code eth_sendRawTransaction}: EIP-155 for legacy transactions, EIP-1559 for dynamic-fee ones.
     */
    byte[] signTransaction(RawTransaction transaction, long chainId);

    /** The signer for this installation's device DID. */
    DidSigner device();
}
