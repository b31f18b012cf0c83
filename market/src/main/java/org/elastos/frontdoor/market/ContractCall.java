package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One state-changing call, before any fee or nonce: what it does in words, the contract, the value it pays and the
 * ABI-encoded data. {@link Transactions#prepare} turns it into something signable.
 */
public record ContractCall(String description, EvmAddress to, BigInteger value, String data) {
    public ContractCall {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(data, "data");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a call cannot pay a negative value");
        }
    }
}
