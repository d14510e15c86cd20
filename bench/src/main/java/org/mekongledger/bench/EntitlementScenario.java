package org.mekongledger.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The worker histories both entitlement benchmarks compute on: Thai insured months from {@code fromPeriod} with
 * wages between {@code minWage} and {@code maxWage}, insured status ended on {@code statusEnded}, a partner
 * period for a quarter of the KHM workers, entitlements asked as of {@code asOf}.
 */
record EntitlementScenario(YearMonth fromPeriod, long minWageCents, long maxWageCents, String scheme,
                           LocalDate statusEnded, String partnerScheme, YearMonth partnerFrom, YearMonth partnerTo,
                           LocalDate asOf, long seed) {

    static final String BENEFIT = "OLD_AGE_PENSION";

    static void addDefaults(Map<String, String> defaults) {
        defaults.put("fromPeriod", "2006-01");
        defaults.put("minWage", "9000");
        defaults.put("maxWage", "25000");
        defaults.put("scheme", "TH_SSF_S33");
        defaults.put("statusEnded", "2025-12-31");
        defaults.put("partnerScheme", "KH_NSSF_PENSION");
        defaults.put("partnerFrom", "2003-01");
        defaults.put("partnerTo", "2005-12");
        defaults.put("asOf", "2026-01-01");
        defaults.put("seed", "20260101");
    }

    static EntitlementScenario from(BenchmarkSettings s) {
        long minWageCents = new BigDecimal(s.string("minWage")).movePointRight(2).longValueExact();
        long maxWageCents = new BigDecimal(s.string("maxWage")).movePointRight(2).longValueExact();
        if (minWageCents <= 0 || maxWageCents < minWageCents) {
            throw new IllegalArgumentException("need 0 < minWage <= maxWage");
        }
        return new EntitlementScenario(YearMonth.parse(s.string("fromPeriod")), minWageCents, maxWageCents,
                s.string("scheme"), LocalDate.parse(s.string("statusEnded")), s.string("partnerScheme"),
                YearMonth.parse(s.string("partnerFrom")), YearMonth.parse(s.string("partnerTo")),
                LocalDate.parse(s.string("asOf")), s.longValue("seed"));
    }

    /** KHM workers are i = 1 mod 4; every fourth of them (i = 1 mod 16) has a partner period. */
    static boolean hasPartnerPeriod(int worker) {
        return worker % 16 == 1;
    }

    /** Born 1968..1975: the year cycles with i / 4 so each nationality spans every year. */
    static LocalDate dateOfBirth(int worker) {
        return LocalDate.of(1968 + (worker / 4) % 8, 1 + (worker * 7) % 12, 1 + (worker * 13) % 28);
    }

    /** How many whole-baht wages lie in minWage..maxWage. */
    long wageSteps() {
        return (maxWageCents - minWageCents) / 100 + 1;
    }

    /** "9000.00..25000.00" */
    String wages() {
        return BigDecimal.valueOf(minWageCents, 2).toPlainString() + ".."
                + BigDecimal.valueOf(maxWageCents, 2).toPlainString();
    }
}
