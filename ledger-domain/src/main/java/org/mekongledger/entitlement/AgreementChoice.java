package org.mekongledger.entitlement;

import java.time.LocalDate;

/**
 * Picks the bilateral agreement a case is judged under: the one asked for, none when asked for
 * {@code NONE}, otherwise the one in force for the worker's nationality (an enacted agreement
 * before a model of it).
 */
final class AgreementChoice {

    private AgreementChoice() {
    }

    /**
     * Fails early on an agreement id that names no agreement, so a typo in a request is a 422 and
     * not a silent fall-back to national rules.
     */
    static void requireKnown(EntitlementRuleBook book, EntitlementCase c) {
        String id = c.agreementId();
        if (id == null || EntitlementCase.NO_AGREEMENT.equals(id)) {
            return;
        }
        EntitlementRuleSet ruleSet = book.ruleSetOrNull(id);
        if (ruleSet == null || ruleSet.kind() != RuleSetKind.AGREEMENT) {
            throw new AgreementRefused("no agreement " + id + "; use an agreement id, "
                    + EntitlementCase.NO_AGREEMENT + " or none for the one of the worker's nationality");
        }
    }

    /** The agreement version for the scheme, or null for national rules. */
    static AgreementRuleSetVersion choose(EntitlementRuleBook book, EntitlementCase c, String scheme) {
        String id = c.agreementId();
        LocalDate asOf = c.asOf();
        if (EntitlementCase.NO_AGREEMENT.equals(id)) {
            return null;
        }
        if (id == null) {
            return forNationality(book, c.nationality(), scheme, asOf);
        }
        AgreementRuleSetVersion agreement = (AgreementRuleSetVersion) book.ruleSetOrNull(id).versionOn(asOf);
        if (agreement == null) {
            throw new AgreementRefused("agreement " + id + " is not in force on " + asOf);
        }
        if (!agreement.partnerNationality().equals(c.nationality())) {
            throw new AgreementRefused("agreement " + id + " applies to " + agreement.partnerNationality()
                    + " nationals, not to " + c.nationality());
        }
        return agreement.scheme().equals(scheme) ? agreement : null;
    }

    private static AgreementRuleSetVersion forNationality(EntitlementRuleBook book, String nationality, String scheme,
                                                          LocalDate asOf) {
        if (nationality == null) {
            return null;
        }
        AgreementRuleSetVersion model = null;
        for (EntitlementRuleSet ruleSet : book.agreementRuleSets()) {
            AgreementRuleSetVersion a = (AgreementRuleSetVersion) ruleSet.versionOn(asOf);
            if (a != null && a.scheme().equals(scheme) && a.partnerNationality().equals(nationality)) {
                if (a.status() == RuleSetStatus.IN_FORCE) {
                    return a;
                }
                if (model == null) {
                    model = a;
                }
            }
        }
        return model;
    }
}
