package org.mekongledger.entitlement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Computes what a worker is owed from the rule book, with every step explained. Pure and
 * thread-safe: the rule book is immutable and a computation shares nothing with another.
 */
public final class EntitlementEngine {

    private final EntitlementRuleBook rules;

    public EntitlementEngine(EntitlementRuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Every entitlement of the case, judged on its as-of date with the rule-set versions in force on
     * that date: per national scheme with months, its old-age benefit (or the survivors' lump sum
     * that replaces it); per welfare fund with fee payments, each of its benefits. Months under a
     * scheme the book has no rules for are not counted by anything but an agreement's totalisation.
     *
     * @throws AgreementRefused if the case names an unknown or inapplicable agreement
     * @throws MonthGivenTwice  if the case gives a scheme's month twice
     * @throws NoRulesInForce   if a scheme it has months for has no rules in force on asOf
     */
    public List<Entitlement> entitlements(EntitlementCase c) {
        Objects.requireNonNull(c, "case");
        AgreementChoice.requireKnown(rules, c);
        LifeEvents events = LifeEvents.of(c.lifeEvents());
        List<Entitlement> out = new ArrayList<>(4);
        for (EntitlementRuleSet ruleSet : rules.oldAgeRuleSets()) {
            List<InsuredMonth> months = c.insuredMonths().get(ruleSet.scheme());
            if (months != null && !months.isEmpty()) {
                OldAgeRuleSetVersion version = (OldAgeRuleSetVersion) inForce(ruleSet, c);
                AgreementRuleSetVersion agreement = AgreementChoice.choose(rules, c, version.scheme());
                OldAgeBenefits.addTo(out, c, version, agreement, months, events, ruleSet::versionOn);
            }
        }
        for (EntitlementRuleSet ruleSet : rules.welfareFundRuleSets()) {
            List<InsuredMonth> fees = c.insuredMonths().get(ruleSet.scheme());
            if (fees != null && !fees.isEmpty()) {
                WelfareFundBenefits.addTo(out, c, (WelfareFundRuleSetVersion) inForce(ruleSet, c), fees, events);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static EntitlementRuleSetVersion inForce(EntitlementRuleSet ruleSet, EntitlementCase c) {
        EntitlementRuleSetVersion version = ruleSet.versionOn(c.asOf());
        if (version == null) {
            throw new NoRulesInForce("the case has months under " + ruleSet.scheme() + ", but no version of "
                    + ruleSet.id() + " is in force on " + c.asOf());
        }
        return version;
    }
}
