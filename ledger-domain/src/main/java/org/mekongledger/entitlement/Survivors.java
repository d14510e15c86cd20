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
    private final LocalDate asOf;
    private final int months;
    private final String basis;
    private final boolean payableAbroad;
    private final Explanation qualifying;
    private final Explanation abroad;
    private final Explanation oldAgeAmount;

    Survivors(OldAgeRuleSetVersion rules, LocalDate asOf, int months, String basis, boolean payableAbroad,
              Explanation qualifying, Explanation abroad, Explanation oldAgeAmount) {
        this.rules = rules;
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
        Explanation amount = oldAgeAmount.copy();
        BigDecimal value;
        if (pension) {
            value = multiple(oldAge, amount);
        } else {
            value = oldAge;
            amount.add(rules.scheme() + ".SURVIVORS.LUMP_SUM", rules, plain(value), "oldAgeLumpSum", plain(oldAge));
        }
        return entitlement(death, value, Explanation.join(qualifying, when, abroad, amount));
    }

    /** The heirs' lump sum of a pensioner, or null if the death came after the window. */
    Entitlement afterFirstPayment(LocalDate death, BigDecimal pension, LocalDate firstPayment) {
        LocalDate windowEnd = firstPayment.plusMonths(rules.survivorsWindowMonths());
        if (!death.isBefore(windowEnd)) {
            return null;
        }
        Explanation when = new Explanation();
        when.add(rules.scheme() + ".SURVIVORS.PAYABLE_FROM", rules, death.toString(), "death", death.toString(),
                "firstPayment", firstPayment.toString(),
                "survivorsWindowMonths", Integer.toString(rules.survivorsWindowMonths()));
        Explanation amount = oldAgeAmount.copy();
        BigDecimal value = multiple(pension, amount);
        return entitlement(death, value, Explanation.join(qualifying, when, abroad, amount));
    }

    private BigDecimal multiple(BigDecimal pension, Explanation amount) {
        BigDecimal value = pension.multiply(rules.survivorsLumpSumMultiple())
                .setScale(rules.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
        amount.add(rules.scheme() + ".SURVIVORS.LUMP_SUM", rules, plain(value), "monthlyPension", plain(pension),
                "multiple", plain(rules.survivorsLumpSumMultiple()));
        return value;
    }

    private Entitlement entitlement(LocalDate death, BigDecimal value, List<ExplanationStep> steps) {
        return new Entitlement(rules.scheme(), SURVIVORS_LUMP_SUM, !asOf.isBefore(death), value, rules.currency(),
                Periodicity.ONCE, death, months, basis, payableAbroad, steps);
    }
}
