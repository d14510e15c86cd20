package org.mekongledger.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.mekongledger.entitlement.LifeEvent;

/**
 * A worker and a history described rather than recorded ("what if I stay two more years"), to be
 * judged as the engine would judge a registered worker's. The parts are in the order described, so
 * a refusal can name the one at fault ({@code history[2].wage}).
 *
 * @param insuredStatusEnded when the worker left insured employment, or null if insured still
 * @param event              one more life event, or null
 * @param agreement          an agreement id, {@code NONE}, or null for the one of the nationality
 */
record Simulation(LocalDate dateOfBirth, String nationality, List<Wages> history, List<ForeignMonths> foreignPeriods,
                  LocalDate insuredStatusEnded, LifeEvent event, String agreement, LocalDate asOf) {

    /** The months from one to another (inclusive) at one monthly wage under a scheme. */
    record Wages(String scheme, YearMonth from, YearMonth to, BigDecimal wage) {
    }

    /** Months insured under a partner country's scheme. */
    record ForeignMonths(String scheme, YearMonth from, YearMonth to) {
    }

    Simulation {
        history = List.copyOf(history);
        foreignPeriods = List.copyOf(foreignPeriods);
    }
}
