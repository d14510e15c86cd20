package org.mekongledger.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.entitlement.EntitlementCase;
import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;
import org.mekongledger.vocabulary.LifeEventType;

/**
 * Everything recorded about a worker that entitlements depend on, whatever the as-of date: what the
 * cache keeps, so an answer is always computed by the engine with the rules of the moment.
 *
 * @param thaiMonths    contribution months under {@link #THAI_SCHEME}, employers' lines summed and
 *                      capped at each month's ceiling
 * @param feeMonths     welfare-fund fees by fund, as months with the fee as the amount
 * @param rulesRevision the rule library's revision whose ceilings capped {@code thaiMonths}: a history
 *                      read under an older revision is read again, since a version added since may
 *                      change a past month's ceiling
 */
record WorkerHistory(LocalDate dateOfBirth, String nationality, List<InsuredMonth> thaiMonths,
                     Map<String, List<InsuredMonth>> feeMonths, List<ForeignPeriod> foreignPeriods,
                     List<LifeEvent> lifeEvents, long rulesRevision) {

    static final String THAI_SCHEME = "TH_SSF_S33";

    WorkerHistory {
        thaiMonths = List.copyOf(thaiMonths);
        Map<String, List<InsuredMonth>> fees = new LinkedHashMap<>();
        feeMonths.forEach((fund, months) -> fees.put(fund, List.copyOf(months)));
        feeMonths = Collections.unmodifiableMap(fees);
        foreignPeriods = List.copyOf(foreignPeriods);
        lifeEvents = List.copyOf(lifeEvents);
    }

    /**
     * The case as of a date: the life events up to that date, and the hypothetical one (if any) as
     * happening on it.
     */
    EntitlementCase caseOn(LocalDate asOf, LifeEventType hypothetical) {
        List<LifeEvent> events = new ArrayList<>();
        for (LifeEvent event : lifeEvents) {
            if (!event.date().isAfter(asOf)) {
                events.add(event);
            }
        }
        if (hypothetical != null) {
            events.add(new LifeEvent(hypothetical, asOf, null));
        }
        Map<String, List<InsuredMonth>> months = new LinkedHashMap<>(feeMonths);
        months.put(THAI_SCHEME, thaiMonths);
        return new EntitlementCase(dateOfBirth, nationality, months, foreignPeriods, events, null, asOf);
    }
}
