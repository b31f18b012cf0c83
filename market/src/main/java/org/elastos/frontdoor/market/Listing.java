package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

import java.math.BigInteger;

/** One vending machine as the chain holds it. */
public record Listing(ContentId contentId, EvmAddress seller, boolean forSale, BigInteger price, String metadataUri) {
}
