package org.mekongledger.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A baht amount in the payee's currency: the amount times the rate (units of the currency for one
 * THB), rounded half-up once, to the currency's ISO 4217 minor units. Same inputs, same digits: a
 * settlement run written again converts to the same amounts.
 */
public final class FxConversion {

    private FxConversion() {
    }

    /**
     * @throws IllegalArgumentException if the rate is not above zero or the currency has no minor units on record
     */
    public static BigDecimal convert(BigDecimal amount, BigDecimal rate, String currency) {
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("a rate must be above zero, not " + rate.toPlainString());
        }
        int digits = MinorUnits.of(currency).orElseThrow(() -> new IllegalArgumentException(
                "ISO 4217 minor units of " + currency + " are not on record"));
        return amount.multiply(rate).setScale(digits, RoundingMode.HALF_UP);
    }
}
