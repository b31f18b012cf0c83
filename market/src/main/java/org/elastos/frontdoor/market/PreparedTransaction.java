package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A call with its gas and fee fixed, ready to show a person before it is signed and sent. The nonce is chosen
 * when it is sent, so a transaction prepared and then abandoned leaves no gap.
 *
 * @param maxPriorityFeePerGas empty on chains without EIP-1559, where {@code maxFeePerGas} is the gas price
 */
public record PreparedTransaction(ContractCall call, EvmAddress from, long chainId, BigInteger gasLimit, BigInteger maxFeePerGas,
                                  Optional<BigInteger> maxPriorityFeePerGas) {

    /** The most this transaction can cost in fees (the gas limit at the highest fee per gas). */
    public BigInteger maxFee() {
        return gasLimit.multiply(maxFeePerGas);
    }

    /** The value paid plus the largest possible fee: what the account must hold. */
    public BigInteger maxTotal() {
        return call.value().add(maxFee());
    }
}
