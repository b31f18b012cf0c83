package org.elastos.frontdoor.market;

import java.math.BigInteger;

/** A mined transaction that succeeded: where it landed and what its fee really was. */
public record SentTransaction(String hash, BigInteger blockNumber, BigInteger gasUsed, BigInteger feePaid) {
}
