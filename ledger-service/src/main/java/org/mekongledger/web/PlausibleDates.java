package org.mekongledger.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.mekongledger.api.Violation;

/**
 * The dates a request may name. Outside them a date is a typing mistake or a probe (a birth in
 * -5000, a simulated career to 9999 that keeps a request thread busy for seconds), never a case.
 */
public final class PlausibleDates {

    /** No one alive, and no document still relevant, is dated earlier. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Thailand's Social Security Fund started in 1991; simulations look no further back or ahead. */
    public static final LocalDate SIMULATION_FROM = LocalDate.of(1991, 1, 1);
    public static final LocalDate SIMULATION_TO = LocalDate.of(2100, 12, 31);
    /** A hundred years of months: more than any working life, and cheap to compute. */
    public static final int SIMULATION_MONTHS = 1200;

    private PlausibleDates() {
    }

    /** Adds a violation for {@code field} unless {@code date} is null or within [from, to]. */
    public static void within(String field, LocalDate date, LocalDate from, LocalDate to, List<Violation> violations) {
        if (date != null && (date.isBefore(from) || date.isAfter(to))) {
            violations.add(new Violation(field, "must be from " + from + " to " + to));
        }
    }

    public static void within(String field, YearMonth month, YearMonth from, YearMonth to, List<Violation> violations) {
        if (month != null && (month.isBefore(from) || month.isAfter(to))) {
            violations.add(new Violation(field, "must be from " + from + " to " + to));
        }
    }

    public static void inSimulation(String field, LocalDate date, List<Violation> violations) {
        within(field, date, SIMULATION_FROM, SIMULATION_TO, violations);
    }

    public static void inSimulation(String field, YearMonth month, List<Violation> violations) {
        within(field, month, YearMonth.from(SIMULATION_FROM), YearMonth.from(SIMULATION_TO), violations);
    }
}
