package org.mekongledger.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.ExplanationStep;
import org.mekongledger.rulelibrary.RuleLibrary;

/**
 * One entitlement as the console shows it: amounts with their currency in the officer's locale,
 * dates in the officer's calendar, and each step with the status of the rule-set version it used.
 */
record EntitlementView(String scheme, String benefit, boolean eligible, String amount, String payableFrom,
                       String claimBy, String basis, boolean payableAbroad, List<Step> steps) {

    record Step(String ruleId, String version, String status, Map<String, String> inputs, String result) {
    }

    static EntitlementView of(Entitlement e, Locale locale, RuleLibrary rules) {
        return new EntitlementView(e.scheme(), e.benefit(), e.eligible(), money(e.amount(), e.currency(), locale),
                ConsoleDates.format(e.payableFrom(), locale), ConsoleDates.format(e.claimBy(), locale), e.basis(),
                e.payableAbroad(), e.explanation().stream().map(s -> step(s, rules)).toList());
    }

    private static Step step(ExplanationStep s, RuleLibrary rules) {
        String status = rules.basis(s.ruleSetId(), s.ruleSetVersion()).map(b -> b.status().name()).orElse("");
        return new Step(s.ruleId(), s.ruleSetId() + " " + s.ruleSetVersion(), status, s.inputs(), s.result());
    }

    /** An amount with its currency, grouped as the locale groups digits. */
    static String money(BigDecimal amount, java.util.Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(amount);
    }
}
