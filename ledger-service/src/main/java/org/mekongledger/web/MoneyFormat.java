package org.mekongledger.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money on the wire: a decimal string with exactly the currency's minor-unit digits ("750.00"). */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    public static String format(BigDecimal amount, String currency) {
        // amounts are already exact in minor units; UNNECESSARY makes a silent rounding impossible
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
