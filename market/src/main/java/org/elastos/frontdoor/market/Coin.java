package org.elastos.frontdoor.market;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/** A chain's native coin: how many decimals its smallest unit has, and the symbol people know it by. */
public record Coin(String symbol, int decimals) {
    public static final Coin ELA = new Coin("ELA", 18);
    public static final Coin ETH = new Coin("ETH", 18);

    public Coin {
        Objects.requireNonNull(symbol, "symbol");
        if (decimals < 0 || decimals > 36) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
    }

    /** "2.5 ELA" for 2.5e18 wei; every significant digit is kept, trailing zeros are not. */
    public String format(BigInteger smallestUnits) {
        BigDecimal amount = new BigDecimal(smallestUnits, decimals).stripTrailingZeros();
        return (amount.signum() == 0 ? "0" : amount.toPlainString()) + " " + symbol;
    }

    /**
     * An amount for people to read, rounded to at most {@code places} decimals the way {@code rounding} says: up for
     * an upper bound ("0.000106 ELA" for a fee of at most 0.000105519 ELA, so "at most" stays true), down for what an
     * account holds.
     */
    public String format(BigInteger smallestUnits, int places, RoundingMode rounding) {
        BigDecimal amount = new BigDecimal(smallestUnits, decimals);
        if (amount.scale() > places) {
            amount = amount.setScale(places, rounding);
        }
        amount = amount.stripTrailingZeros();
        return (amount.signum() == 0 ? "0" : amount.toPlainString()) + " " + symbol;
    }

    /**
     * Reads an amount a person typed, "2.5" or "2.5 ELA", into the smallest unit.
     *
     * @throws IllegalArgumentException for anything that is not a non-negative amount with at most
     *     {@link #decimals()} decimals, or that names another coin
     */
    public BigInteger parse(String text) {
        String number = text.strip();
        if (number.regionMatches(true, number.length() - symbol.length(), symbol, 0, symbol.length())) {
            number = number.substring(0, number.length() - symbol.length()).strip();
        }
        try {
            BigDecimal amount = new BigDecimal(number);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("an amount cannot be negative: " + text);
            }
            return amount.movePointRight(decimals).toBigIntegerExact();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount of " + symbol + ": \"" + text + "\" (write it like 2.5)", e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(symbol + " has " + decimals + " decimals; \"" + text + "\" has more", e);
        }
    }
}
