package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;

/**
 * Answers whether an account holds the right to a piece of content. An answer is always a real one: when the
 * chain cannot be asked, {@link ChainUnreachableException} is thrown, never a "yes" and never a silent "no".
 */
public interface RightsOracle {
    boolean hasAccess(EvmAddress holder, ContentId contentId);
}
