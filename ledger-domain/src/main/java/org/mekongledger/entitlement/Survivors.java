package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.mekongledger.entitlement.Explanation.plain;

/**
 * The survivors' lump sum paid to heirs (the multiple is a parameter because a
 * 2022 change is reported but not verified). A member who dies before the old-age benefit became
 * payable leaves the lump sum, or with a pension right a multiple of the pension. A pensioner who
 * dies soon after the first payment leaves the multiple too.
 */
final class Survivors {

    static final String SURVIVORS_LUMP_SUM = "SURVIVORS_LUMP_SUM";

    private final OldAgeRuleSetVersion rules;
    /** The version in force on the day of death: it sets the window, the multiple and the months-remaining rule. */
    private final OldAgeRuleSetVersion atDeath;
    private final LocalDate asOf;
    private final int months;
    private final String basis;
    private final boolean payableAbroad;
    private final Explanation qualifying;
    private final Explanation abroad;
    private final Explanation oldAgeAmount;

    Survivors(OldAgeRuleSetVersion rules, OldAgeRuleSetVersion atDeath, LocalDate asOf, int months, String basis,
              boolean payableAbroad, Explanation qualifying, Explanation abroad, Explanation oldAgeAmount) {
        this.rules = rules;
        this.atDeath = atDeath;
        this.asOf = asOf;
        this.months = months;
        this.basis = basis;
        this.payableAbroad = payableAbroad;
        this.qualifying = qualifying;
        this.abroad = abroad;
        this.oldAgeAmount = oldAgeAmount;
    }

    Entitlement beforePayment(LocalDate death, boolean pension, BigDecimal oldAge, Payability oldAgePayability) {
        Explanation when = new Explanation();
        when.add(rules.scheme() + ".SURVIVORS.PAYABLE_FROM", rules, death.toString(), "death", death.toString(),
                "oldAgeBenefitPayableFrom", oldAgePayability.conditionsMet()
                        ? oldAgePayability.payableFrom().toString() : "not reached");
        claimBy(when, death);
        Explanation amount = oldAgeAmount.copy();
        BigDecimal value;
        if (pension) {
            // no payment was made, so no months remain to count: the multiple (an assumption of the version)
            value = multiple(oldAge, amount, -1);
        } else {
            value = oldAge;
            amount.add(rules.scheme() + ".SURVIVORS.LUMP_SUM", rules, plain(value), "oldAgeLumpSum", plain(oldAge));
        }
        return entitlement(death, value, Explanation.join(qualifying, when, abroad, amount));
    }

    /** The heirs' lump sum of a pensioner, or null if the death came after the window. */
    Entitlement afterFirstPayment(LocalDate death, BigDecimal pension, LocalDate firstPayment) {
        LocalDate windowEnd = firstPayment.plusMonths(atDeath.survivorsWindowMonths());
        if (!death.isBefore(windowEnd)) {
            return null;
        }
        Explanation when = new Explanation();
        when.add(rules.scheme() + ".SURVIVORS.PAYABLE_FROM", atDeath, death.toString(), "death", death.toString(),
                "firstPayment", firstPayment.toString(),
                "survivorsWindowMonths", Integer.toString(atDeath.survivorsWindowMonths()));
        claimBy(when, death);
        Explanation amount = oldAgeAmount.copy();
        // the payments made: from the first payment's month to the month of death, both counted
        int paid = (death.getYear() - firstPayment.getYear()) * 12 + death.getMonthValue() - firstPayment.getMonthValue() + 1;
        BigDecimal value = multiple(pension, amount, atDeath.survivorsWindowMonths() - paid);
        return entitlement(death, value, Explanation.join(qualifying, when, abroad, amount));
    }

    /**
     * @param remaining months left of the window after the payments made, or -1 when none was made;
     *                  counted only under a version that pays the months remaining
     */
    private BigDecimal multiple(BigDecimal pension, Explanation amount, int remaining) {
        BigDecimal times = atDeath.survivorsLumpSumMultiple();
        boolean byMonthsRemaining = atDeath.survivorsPayMonthsRemaining() && remaining >= 0;
        if (byMonthsRemaining) {
            times = times.max(BigDecimal.valueOf(remaining));
        }
        BigDecimal value = pension.multiply(times)
                .setScale(rules.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
        if (byMonthsRemaining) {
            amount.add(rules.scheme() + ".SURVIVORS.LUMP_SUM", atDeath, plain(value), "monthlyPension", plain(pension),
                    "monthsRemaining", Integer.toString(remaining),
                    "atLeast", plain(atDeath.survivorsLumpSumMultiple()), "times", plain(times));
        } else {
            amount.add(rules.scheme() + ".SURVIVORS.LUMP_SUM", atDeath, plain(value), "monthlyPension", plain(pension),
                    "multiple", plain(times));
        }
        return value;
    }

    /** Heirs claim within the deadline of the rules in force at the death, counted from the death. */
    private void claimBy(Explanation when, LocalDate death) {
        LocalDate claimBy = atDeath.claimBy(death);
        when.add(rules.scheme() + ".SURVIVORS.CLAIM_BY", atDeath, claimBy == null ? "no deadline" : claimBy.toString(),
                "death", death.toString(), "claimDeadlineMonths", Integer.toString(atDeath.claimDeadlineMonths()));
    }

    private Entitlement entitlement(LocalDate death, BigDecimal value, List<ExplanationStep> steps) {
        return new Entitlement(rules.scheme(), SURVIVORS_LUMP_SUM, !asOf.isBefore(death), value, rules.currency(),
                Periodicity.ONCE, death, months, basis, payableAbroad, steps, atDeath.claimBy(death));
    }
}
