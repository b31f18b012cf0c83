package org.elastos.frontdoor.market;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coins, content ids and royalty shares as people type and read them. */
class AmountsTest {
    @Test
    void formatsAndParsesCoinAmountsWithoutLosingAWei() {
        assertEquals("2.5 ELA", Coin.ELA.format(new BigInteger("2500000000000000000")));
        assertEquals("0.000000000000000001 ELA", Coin.ELA.format(BigInteger.ONE));
        assertEquals("0 ELA", Coin.ELA.format(BigInteger.ZERO));
        assertEquals(new BigInteger("2500000000000000017"), Coin.ELA.parse("2.500000000000000017"));
        assertEquals(new BigInteger("2000000000000000000"), Coin.ELA.parse(" 2 ELA "));
    }

    @Test
    void anAmountForPeopleIsRoundedTheWayItsMeaningNeeds() {
        assertEquals("0.000106 ELA", Coin.ELA.format(new BigInteger("105519019050786"), 6, RoundingMode.CEILING));
        assertEquals("2.500106 ELA", Coin.ELA.format(new BigInteger("2500105519019050786"), 6, RoundingMode.CEILING));
        assertEquals("17.499916 ELA", Coin.ELA.format(new BigInteger("17499916763439089896"), 6, RoundingMode.FLOOR));
        assertEquals("2.5 ELA", Coin.ELA.format(Coin.ELA.parse("2.5"), 6, RoundingMode.CEILING), "nothing to round");
        assertEquals("0.000001 ELA", Coin.ELA.format(BigInteger.ONE, 6, RoundingMode.CEILING), "a wei owed is more than nothing");
        assertEquals("0 ELA", Coin.ELA.format(BigInteger.ONE, 6, RoundingMode.FLOOR));
    }

    @Test
    void refusesAmountsItCannotRepresentExactly() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Coin.ELA.parse("0.0000000000000000001"))
                .getMessage().contains("18 decimals"));
        assertThrows(IllegalArgumentException.class, () -> Coin.ELA.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> Coin.ELA.parse("two"));
        assertThrows(IllegalArgumentException.class, () -> Coin.ELA.parse("2 ETH"));
    }

    @Test
    void readsContentIdsWithOrWithoutPrefixAndRefusesOthers() {
        assertEquals(ContentId.parse("0x0123456789ABCDEF0123456789abcdef"), ContentId.parse("0123456789abcdef0123456789abcdef"));
        assertThrows(IllegalArgumentException.class, () -> ContentId.parse("0x0123"));
        assertThrows(IllegalArgumentException.class, () -> ContentId.parse("0x" + "g".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> ContentId.parse("0x" + "0".repeat(32)));
    }

    @Test
    void readsSharesAsUnitsOrPercentages() {
        assertEquals(new RoyaltyShares(250), RoyaltyShares.parse("25%"));
        assertEquals(new RoyaltyShares(1), RoyaltyShares.parse("0.1%"));
        assertEquals(new RoyaltyShares(250), RoyaltyShares.parse("250"));
        assertEquals("25%", new RoyaltyShares(250).percent());
        assertEquals("0.1%", new RoyaltyShares(1).percent());
        assertThrows(IllegalArgumentException.class, () -> RoyaltyShares.parse("0.05%"));
        assertThrows(IllegalArgumentException.class, () -> RoyaltyShares.parse("1001"));
        assertThrows(IllegalArgumentException.class, () -> RoyaltyShares.parse("-1"));
    }
}
