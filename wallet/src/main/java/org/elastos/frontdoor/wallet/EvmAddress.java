package org.elastos.frontdoor.wallet;

import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** An EVM account address in its EIP-55 mixed-case checksum form. */
public record EvmAddress(String value) {
    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public EvmAddress {
        if (value == null || !HEX_ADDRESS.matcher(value).matches()) {
            throw new WalletException("an EVM address is 0x followed by 40 hex digits, got \"" + value + "\"");
        }
        value = Keys.toChecksumAddress(value);
    }

    /** @param publicKey the 64-byte uncompressed public key (x || y), as a positive integer */
    public static EvmAddress fromPublicKey(BigInteger publicKey) {
        return new EvmAddress("0x" + Keys.getAddress(publicKey));
    }

    @Override
    public String toString() {
        return value;
    }
}
