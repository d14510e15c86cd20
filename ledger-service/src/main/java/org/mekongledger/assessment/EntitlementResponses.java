package org.mekongledger.assessment;

import java.util.List;

import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.model.ExplanationStep;

/** Renders the engine's entitlements on the wire, explanation included. */
final class EntitlementResponses {

    private EntitlementResponses() {
    }

    /** Every step with the status and the source of the version it was computed under. */
    static List<org.mekongledger.web.contract.model.Entitlement> render(List<Entitlement> entitlements,
                                                                       org.mekongledger.rulelibrary.RuleLibrary rules) {
        List<org.mekongledger.web.contract.model.Entitlement> rendered =
                entitlements.stream().map(EntitlementResponses::render).toList();
        rendered.forEach(e -> org.mekongledger.rulelibrary.LegalBases.withBases(e.getExplanation(), rules));
        return rendered;
    }

    private static org.mekongledger.web.contract.model.Entitlement render(Entitlement entitlement) {
        String currency = entitlement.currency().getCurrencyCode();
        return new org.mekongledger.web.contract.model.Entitlement()
                .scheme(entitlement.scheme())
                .benefit(entitlement.benefit())
                .eligible(entitlement.eligible())
                .amount(MoneyFormat.format(entitlement.amount(), currency))
                .currency(currency)
                .periodicity(org.mekongledger.web.contract.model.Entitlement.PeriodicityEnum.fromValue(
                        entitlement.periodicity().name()))
                .payableFrom(entitlement.payableFrom())
                .contributionMonths(entitlement.contributionMonths())
                .basis(entitlement.basis())
                .payableAbroad(entitlement.payableAbroad())
                .claimBy(entitlement.claimBy())
                .explanation(entitlement.explanation().stream().map(step -> new ExplanationStep()
                        .ruleId(step.ruleId())
                        .ruleSetId(step.ruleSetId())
                        .ruleSetVersion(step.ruleSetVersion())
                        .inputs(step.inputs())
                        .result(step.result())).toList());
    }
}
