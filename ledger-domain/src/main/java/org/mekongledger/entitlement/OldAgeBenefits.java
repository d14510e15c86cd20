package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The old-age entitlement of one national scheme (Thai SSF Sections 76-77), with what a bilateral
 * agreement changes, and the survivors' lump sum when the member has died.
 */
final class OldAgeBenefits {

    static final String LUMP_SUM = "OLD_AGE_LUMP_SUM";
    static final String PENSION = "OLD_AGE_PENSION";

    private OldAgeBenefits() {
    }

    static void addTo(List<Entitlement> out, EntitlementCase c, OldAgeRuleSetVersion rules,
                      AgreementRuleSetVersion agreement, List<InsuredMonth> months, LifeEvents events,
                      java.util.function.Function<LocalDate, EntitlementRuleSetVersion> versionOn) {
        String prefix = rules.scheme() + ".OLD_AGE.";
        ContributionRecord record = ContributionRecord.of(rules.scheme(), months);
        int own = record.count();

        Explanation qualifying = new Explanation();
        basis(qualifying, c, rules, agreement, prefix);
        qualifying.add(prefix + "CONTRIBUTION_MONTHS", rules, Integer.toString(own),
                "firstMonth", record.firstPeriod().toString(), "lastMonth", record.lastPeriod().toString());
        int total = Totalisation.qualifyingMonths(rules, agreement, record, c.foreignPeriods(), qualifying);
        boolean pension = total >= rules.pensionThresholdMonths();
        qualifying.add(prefix + "BENEFIT", rules, pension ? PENSION : LUMP_SUM,
                "qualifyingMonths", Integer.toString(total),
                "lumpSumThresholdMonths", Integer.toString(rules.lumpSumThresholdMonths()),
                "pensionThresholdMonths", Integer.toString(rules.pensionThresholdMonths()));
        int lumpSumMonths = total;
        if (pension && agreement != null && agreement.has(AgreementOption.SHORT_PERIOD_RULE)
                && own < agreement.shortPeriodMonths()) {
            // Art. 57: too few Thai months for Thailand to pay a pension; the national lump sum on Thai months alone
            pension = false;
            lumpSumMonths = own;
            qualifying.add(agreement.ruleSetId() + ".SHORT_PERIOD_RULE", agreement, LUMP_SUM,
                    "thaiMonths", Integer.toString(own),
                    "shortPeriodMonths", Integer.toString(agreement.shortPeriodMonths()),
                    "lumpSumOn", "Thai months alone, national rules");
        }

        LocalDate endedRecorded = events.latest(LifeEventType.INSURED_STATUS_ENDED);
        LocalDate ended = endedRecorded == null || record.insuredAfter(endedRecorded) ? null : endedRecorded;
        Explanation payability = new Explanation();
        Payability payable = OldAgePayability.decide(rules, agreement, !pension, c.dateOfBirth(), endedRecorded, ended,
                events, c.asOf(), payability);
        LocalDate claimBy = rules.claimBy(payable.payableFrom());
        payability.add(prefix + "CLAIM_BY", rules, claimBy == null ? "no deadline" : claimBy.toString(),
                "payableFrom", payable.payableFrom() == null ? "never, on the facts recorded" : payable.payableFrom().toString(),
                "claimDeadlineMonths", Integer.toString(rules.claimDeadlineMonths()));
        Explanation abroad = new Explanation();
        boolean payableAbroad = PaymentAbroad.decide(rules, agreement, events, abroad);

        LocalDate death = events.earliest(LifeEventType.DEATH);
        boolean diedFirst = death != null && !payable.payableBy(death);
        Explanation amount = new Explanation();
        BigDecimal value = pension
                ? OldAgePension.monthly(rules, agreement, record, own, total, amount)
                : OldAgeLumpSum.compute(rules, record, lumpSumMonths, diedFirst ? death : payable.payableFrom(), amount);

        String basis = agreement == null ? Entitlement.NATIONAL : agreement.ruleSetId();
        // heirs are paid under the rules in force on the day of death, not on the day the case is judged
        OldAgeRuleSetVersion atDeath = death == null || !(versionOn.apply(death) instanceof OldAgeRuleSetVersion v)
                ? rules : v;
        if (diedFirst) {
            // the benefit never became payable to the member: the survivors' lump sum replaces it
            out.add(new Survivors(rules, atDeath, c.asOf(), own, basis, payableAbroad, qualifying, abroad, amount)
                    .beforePayment(death, pension, value, payable));
            return;
        }
        out.add(new Entitlement(rules.scheme(), pension ? PENSION : LUMP_SUM, payable.eligible(), value,
                rules.currency(), pension ? Periodicity.MONTHLY : Periodicity.ONCE, payable.payableFrom(), own, basis,
                payableAbroad, Explanation.join(qualifying, payability, abroad, amount), claimBy));
        if (death != null && pension) {
            Entitlement heirs = new Survivors(rules, atDeath, c.asOf(), own, basis, payableAbroad, qualifying, abroad, amount)
                    .afterFirstPayment(death, value, payable.payableFrom());
            if (heirs != null) {
                out.add(heirs);
            }
        }
    }

    private static void basis(Explanation ex, EntitlementCase c, OldAgeRuleSetVersion rules,
                              AgreementRuleSetVersion agreement, String prefix) {
        String requested = c.agreementId() == null ? "the one for the nationality" : c.agreementId();
        String nationality = c.nationality() == null ? "not recorded" : c.nationality();
        if (agreement == null) {
            ex.add(prefix + "BASIS", rules, Entitlement.NATIONAL, "nationality", nationality,
                    "agreementRequested", requested);
        } else {
            ex.add(prefix + "BASIS", agreement, agreement.ruleSetId(), "nationality", nationality,
                    "agreementRequested", requested, "agreementStatus", agreement.status().name());
        }
    }
}
