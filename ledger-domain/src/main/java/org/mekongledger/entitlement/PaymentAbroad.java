package org.mekongledger.entitlement;

/**
 * Whether a benefit may be paid to a residence abroad. National Thai rules pay in Thailand only;
 * an agreement exports benefits when it says so. A recorded departure does not change the answer,
 * it only makes it matter, so the step shows it.
 */
final class PaymentAbroad {

    static final String ABROAD = "payable abroad";
    static final String THAILAND_ONLY = "payable in Thailand only";

    private PaymentAbroad() {
    }

    static boolean decide(OldAgeRuleSetVersion rules, AgreementRuleSetVersion agreement, LifeEvents events,
                          Explanation ex) {
        LifeEvent departure = events.permanentDeparture();
        String departed = departure == null ? "not recorded"
                : departure.country() == null ? departure.date().toString()
                : departure.date() + " to " + departure.country();
        if (agreement == null) {
            ex.add(rules.scheme() + ".OLD_AGE.PAYMENT_ABROAD", rules, THAILAND_ONLY,
                    "basis", Entitlement.NATIONAL, "permanentDeparture", departed);
            return false;
        }
        boolean export = agreement.has(AgreementOption.EXPORT_OF_BENEFITS);
        ex.add(agreement.ruleSetId() + ".EXPORT_OF_BENEFITS", agreement, export ? ABROAD : THAILAND_ONLY,
                "exportOfBenefits", Boolean.toString(export), "permanentDeparture", departed);
        return export;
    }
}
