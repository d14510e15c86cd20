package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.NavigableMap;

import static org.mekongledger.entitlement.Explanation.plain;

/**
 * Compounds the returns the fund declares each year on old-age savings. The rate of a year is
 * credited at its end on the balance brought into it (contributions of earlier years plus returns
 * already credited); a year's own contributions earn from the next year. Only years that ended
 * before the lump sum became payable are credited: the money has left the fund after that. Each
 * credit is rounded to the minor unit, half up, as a fund books it.
 */
final class DeclaredReturns {

    private DeclaredReturns() {
    }

    static BigDecimal credit(OldAgeRuleSetVersion rules, ContributionRecord record, LocalDate payableOn,
                             Explanation ex) {
        String prefix = rules.scheme() + ".OLD_AGE.";
        int scale = rules.currency().getDefaultFractionDigits();
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        NavigableMap<Integer, BigDecimal> table = rules.declaredReturnsPercent();
        if (table.isEmpty()) {
            ex.add(prefix + "DECLARED_RETURNS", rules, plain(zero), "declaredYears", "none");
            return zero;
        }
        int lastYear = Math.min(payableOn.getYear() - 1, table.lastKey());
        BigDecimal balance = zero;
        BigDecimal credited = zero;
        int years = 0;
        int next = 0;
        for (int year = record.firstPeriod().getYear(); year <= lastYear; year++) {
            BigDecimal rate = table.get(year);
            if (rate != null && balance.signum() != 0) {
                BigDecimal credit = balance.multiply(rate).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP);
                ex.add(prefix + "DECLARED_RETURN", rules, plain(credit), "year", Integer.toString(year),
                        "ratePercent", plain(rate), "balanceBroughtForward", plain(balance));
                balance = balance.add(credit);
                credited = credited.add(credit);
                years++;
            }
            for (; next < record.count() && record.month(next).period().getYear() == year; next++) {
                InsuredMonth m = record.month(next);
                balance = balance.add(m.employeeOldAge()).add(m.employerOldAge());
            }
        }
        ex.add(prefix + "DECLARED_RETURNS", rules, plain(credited), "yearsCredited", Integer.toString(years),
                "creditedBefore", Integer.toString(lastYear + 1));
        return credited;
    }
}
