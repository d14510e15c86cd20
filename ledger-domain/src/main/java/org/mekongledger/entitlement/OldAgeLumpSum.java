package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static org.mekongledger.entitlement.Explanation.plain;

/**
 * The old-age lump sum (Section 77): below the lump-sum threshold the employee's own old-age
 * contributions; from it, the employer's too plus the returns the fund declared.
 */
final class OldAgeLumpSum {

    private OldAgeLumpSum() {
    }

    /**
     * @param qualifyingMonths months judged against the lump-sum threshold (totalised under an agreement)
     * @param payableOn        the day it becomes payable: returns are credited for the years before it
     */
    static BigDecimal compute(OldAgeRuleSetVersion rules, ContributionRecord record, int qualifyingMonths,
                              LocalDate payableOn, Explanation ex) {
        String prefix = rules.scheme() + ".OLD_AGE.";
        int scale = rules.currency().getDefaultFractionDigits();
        String months = Integer.toString(record.count());
        BigDecimal employee = record.employeeOldAge().setScale(scale, RoundingMode.HALF_UP);
        // what each contribution version put aside, so a month under an assumed rate shows in the lump
        // sum; the results add up to the lump sum's base (below the threshold the employee's share alone)
        boolean employerToo = qualifyingMonths >= rules.lumpSumThresholdMonths();
        for (ContributionRecord.VersionSavings saved : record.savingsByVersion()) {
            BigDecimal counted = employerToo ? saved.employeeOldAge().add(saved.employerOldAge()) : saved.employeeOldAge();
            ex.add(prefix + "SAVINGS_UNDER_CONTRIBUTION_VERSION", rules.scheme(), saved.version(),
                    plain(counted.setScale(scale, RoundingMode.HALF_UP)),
                    "months", Integer.toString(saved.months()),
                    "firstMonth", saved.first().toString(), "lastMonth", saved.last().toString(),
                    "employeeOldAge", plain(saved.employeeOldAge().setScale(scale, RoundingMode.HALF_UP)),
                    "employerOldAge", plain(saved.employerOldAge().setScale(scale, RoundingMode.HALF_UP)));
        }
        ex.add(prefix + "EMPLOYEE_CONTRIBUTIONS", rules, plain(employee), "months", months,
                "firstMonth", record.firstPeriod().toString(), "lastMonth", record.lastPeriod().toString());
        if (qualifyingMonths < rules.lumpSumThresholdMonths()) {
            ex.add(prefix + "LUMP_SUM", rules, plain(employee),
                    "qualifyingMonths", Integer.toString(qualifyingMonths),
                    "lumpSumThresholdMonths", Integer.toString(rules.lumpSumThresholdMonths()),
                    "employeeOldAge", plain(employee));
            return employee;
        }
        BigDecimal employer = record.employerOldAge().setScale(scale, RoundingMode.HALF_UP);
        ex.add(prefix + "EMPLOYER_CONTRIBUTIONS", rules, plain(employer), "months", months,
                "firstMonth", record.firstPeriod().toString(), "lastMonth", record.lastPeriod().toString());
        BigDecimal returns = DeclaredReturns.credit(rules, record, payableOn, ex);
        BigDecimal lumpSum = employee.add(employer).add(returns);
        ex.add(prefix + "LUMP_SUM", rules, plain(lumpSum),
                "qualifyingMonths", Integer.toString(qualifyingMonths),
                "lumpSumThresholdMonths", Integer.toString(rules.lumpSumThresholdMonths()),
                "employeeOldAge", plain(employee),
                "employerOldAge", plain(employer),
                "declaredReturns", plain(returns));
        return lumpSum;
    }
}
