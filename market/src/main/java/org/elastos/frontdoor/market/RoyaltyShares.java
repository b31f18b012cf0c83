package org.elastos.frontdoor.market;

import java.math.BigDecimal;

/** A number of an asset's 1000 royalty shares; each is 0.1% of every payment for it. */
public record RoyaltyShares(long units) {
    public static final long PER_ASSET = 1000;

    public RoyaltyShares {
        if (units < 0 || units > PER_ASSET) {
            throw new IllegalArgumentException("an asset has " + PER_ASSET + " shares of 0.1%; " + units + " is not a holding");
        }
    }

    /** Reads "250" (shares) or "25%" (a percentage, to 0.1%). */
    public static RoyaltyShares parse(String text) {
        String value = text.strip();
        try {
            if (value.endsWith("%")) {
                BigDecimal percent = new BigDecimal(value.substring(0, value.length() - 1).strip());
                return new RoyaltyShares(percent.movePointRight(1).longValueExact());
            }
            return new RoyaltyShares(Long.parseLong(value));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("write shares as a count of 0.1% units (250) or a percentage to 0.1% (25%), not \""
                    + text + "\"", e);
        }
    }

    /** "25%" for 250 units, "0.1%" for 1. */
    public String percent() {
        BigDecimal percent = BigDecimal.valueOf(units, 1).stripTrailingZeros();
        return percent.toPlainString() + "%";
    }
}
