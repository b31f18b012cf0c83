package org.elastos.frontdoor.market;

import org.elastos.frontdoor.wallet.EvmAddress;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketAbiTest {
    @Test
    void encodesHasAccessByContentIdAsElacitysGatewayExpects() {
        EvmAddress holder = new EvmAddress("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        ContentId contentId = ContentId.parse("0x0123456789abcdef0123456789abcdef");

        String golden = "0x54d42821"
                + "0000000000000000000000009858effd232b4033e47d90003d41ec34ecaeda94"
                + "0123456789abcdef0123456789abcdef00000000000000000000000000000000";
        assertEquals(golden, MarketAbi.hasAccessByContentId(holder, contentId));
        assertTrue(golden.startsWith(MarketAbi.HAS_ACCESS_SELECTOR));
    }

    @Test
    void findsTheContentIdOfAShareTokenAndNotOfAnAccessToken() {
        ContentId contentId = ContentId.parse("ff23456789abcdef0123456789abcdef");
        assertEquals(contentId, MarketAbi.contentIdOfShareToken(MarketAbi.shareTokenId(contentId)).orElseThrow());
        assertTrue(MarketAbi.contentIdOfShareToken(MarketAbi.accessTokenId(contentId)).isEmpty());
        assertTrue(MarketAbi.contentIdOfShareToken(BigInteger.ONE.shiftLeft(129)).isEmpty());
    }
}
