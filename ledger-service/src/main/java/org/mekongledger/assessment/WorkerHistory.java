package org.mekongledger.assessment;

import java.time.LocalDate;
import java.util.List;

import org.mekongledger.entitlement.ForeignPeriod;
import org.mekongledger.entitlement.InsuredMonth;
import org.mekongledger.entitlement.LifeEvent;

/** Everything recorded about a worker that entitlements depend on, whatever the as-of date. */
record WorkerHistory(LocalDate dateOfBirth, String nationality, List<InsuredMonth> thaiMonths,
                     java.util.Map<String, List<InsuredMonth>> feeMonths, List<ForeignPeriod> foreignPeriods,
                     List<LifeEvent> lifeEvents) {
}
