package org.mekongledger.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A rate in force: units of {@code currency} for one THB on {@code day}, and who set it from what source. */
record FxRateDay(LocalDate day, String currency, BigDecimal rate, String source, String setBy, Instant setAt) {

    /** The same figures (a rate set again): nothing to replace. */
    boolean sameAs(BigDecimal otherRate, String otherSource) {
        return rate.compareTo(otherRate) == 0 && source.equals(otherSource);
    }
}
