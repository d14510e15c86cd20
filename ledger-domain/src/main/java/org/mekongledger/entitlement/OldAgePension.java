package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.mekongledger.entitlement.Explanation.plain;

/**
 * The monthly old-age pension (Section 77): the average insurable wage of the last contribution
 * months times a rate that grows with the months. Under an agreement with pro-rata, the theoretical
 * pension of all (totalised) months is apportioned by the share of Thai months, and the higher of
 * that and the independent Thai pension is paid (EU 883/2004 Art. 52).
 */
final class OldAgePension {

    private OldAgePension() {
    }

    /**
     * @param ownMonths        the scheme's own months
     * @param qualifyingMonths own plus partner months counted by totalisation (equal to own without it)
     */
    static BigDecimal monthly(OldAgeRuleSetVersion rules, AgreementRuleSetVersion agreement, ContributionRecord record,
                              int ownMonths, int qualifyingMonths, Explanation ex) {
        BigDecimal average = averageWage(rules, record, ex);
        if (qualifyingMonths == ownMonths) {
            return pension(rules, average, ownMonths, ex);
        }
        if (!agreement.has(AgreementOption.PRO_RATA)) {
            // totalisation without apportioning: the agreement makes Thailand pay for all the months
            return pension(rules, average, qualifyingMonths, ex);
        }
        BigDecimal independent = ownMonths >= rules.pensionThresholdMonths()
                ? pension(rules, average, ownMonths, ex) : null;
        String id = agreement.ruleSetId();
        BigDecimal rate = rate(rules, qualifyingMonths, ex);
        BigDecimal theoretical = apply(rules, average, rate);
        ex.add(id + ".THEORETICAL_AMOUNT", agreement, plain(theoretical), "averageWage", plain(average),
                "ratePercent", plain(rate), "totalMonths", Integer.toString(qualifyingMonths));
        BigDecimal proRata = theoretical.multiply(BigDecimal.valueOf(ownMonths))
                .divide(BigDecimal.valueOf(qualifyingMonths), scale(rules), RoundingMode.HALF_UP);
        ex.add(id + ".PRO_RATA", agreement, plain(proRata), "theoreticalAmount", plain(theoretical),
                "thaiMonths", Integer.toString(ownMonths), "totalMonths", Integer.toString(qualifyingMonths));
        if (independent == null) {
            return proRata;
        }
        BigDecimal higher = independent.max(proRata);
        ex.add(id + ".HIGHER_OF", agreement, plain(higher), "independentAmount", plain(independent),
                "proRataAmount", plain(proRata));
        return higher;
    }

    /** Average of the last contribution months' insurable wages (all of them if fewer), to the minor unit. */
    private static BigDecimal averageWage(OldAgeRuleSetVersion rules, ContributionRecord record, Explanation ex) {
        int n = record.count();
        int window = Math.min(rules.averagingWindowMonths(), n);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = n - window; i < n; i++) {
            sum = sum.add(record.month(i).insurableWage());
        }
        BigDecimal average = sum.divide(BigDecimal.valueOf(window), scale(rules), RoundingMode.HALF_UP);
        ex.add(rules.scheme() + ".OLD_AGE.AVERAGE_WAGE", rules, plain(average),
                "months", Integer.toString(window),
                "from", record.month(n - window).period().toString(),
                "to", record.lastPeriod().toString(),
                "totalInsurableWage", plain(sum));
        return average;
    }

    private static BigDecimal pension(OldAgeRuleSetVersion rules, BigDecimal average, int months, Explanation ex) {
        BigDecimal rate = rate(rules, months, ex);
        BigDecimal pension = apply(rules, average, rate);
        ex.add(rules.scheme() + ".OLD_AGE.PENSION", rules, plain(pension), "averageWage", plain(average),
                "ratePercent", plain(rate));
        return pension;
    }

    private static BigDecimal rate(OldAgeRuleSetVersion rules, int months, Explanation ex) {
        BigDecimal rate = rules.ratePercent(months);
        ex.add(rules.scheme() + ".OLD_AGE.PENSION_RATE", rules, plain(rate),
                "months", Integer.toString(months),
                "pensionThresholdMonths", Integer.toString(rules.pensionThresholdMonths()),
                "baseRatePercent", plain(rules.baseRatePercent()),
                "incrementPercent", plain(rules.incrementPercent()),
                "incrementsEarned", Integer.toString(rules.incrementsEarned(months)));
        return rate;
    }

    private static BigDecimal apply(OldAgeRuleSetVersion rules, BigDecimal average, BigDecimal ratePercent) {
        return average.multiply(ratePercent).movePointLeft(2).setScale(scale(rules), RoundingMode.HALF_UP);
    }

    private static int scale(OldAgeRuleSetVersion rules) {
        return rules.currency().getDefaultFractionDigits();
    }
}
