package org.mekongledger.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.ExplanationStep;
import org.mekongledger.entitlement.Periodicity;
import org.mekongledger.rulelibrary.RuleLibrary;

/**
 * One entitlement as the console shows it: amounts with their currency in the officer's locale,
 * dates in the officer's calendar, and each step in words with the status of the rule-set version it used.
 * Claimable: payable now and paid once, as a claim must be (pensions are not claimable yet).
 */
record EntitlementView(String scheme, String benefit, boolean eligible, String amount, String payableFrom,
                       String claimBy, String basis, boolean payableAbroad, boolean claimable, List<Step> steps) {

    /** @param plain the step in words (see {@link PlainSteps}); rule id, inputs and result as the API gives them */
    record Step(String plain, String ruleId, String version, String status, Map<String, String> inputs, String result) {
    }

    static EntitlementView of(Entitlement e, Locale locale, RuleLibrary rules, PlainSteps words) {
        return new EntitlementView(e.scheme(), e.benefit(), e.eligible(), money(e.amount(), e.currency(), locale),
                ConsoleDates.format(e.payableFrom(), locale), ConsoleDates.format(e.claimBy(), locale), e.basis(),
                e.payableAbroad(), e.eligible() && e.periodicity() == Periodicity.ONCE, e.explanation().stream().map(s -> step(s, rules, words, locale)).toList());
    }

    private static Step step(ExplanationStep s, RuleLibrary rules, PlainSteps words, Locale locale) {
        String status = rules.basis(s.ruleSetId(), s.ruleSetVersion()).map(b -> b.status().name()).orElse("");
        return new Step(words.sentence(s, locale), s.ruleId(), s.ruleSetId() + " " + s.ruleSetVersion(), status, s.inputs(), s.result());
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
