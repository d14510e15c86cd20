package org.mekongledger.entitlement;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.contribution.ContributionRuleBook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a case the way an officer would describe it ("born 1975, worked 2006-01..2020-08 at
 * 10,000, left in 2024") and runs it through the shipped rules, or a book given by the test.
 */
final class Worker {

    static final ContributionRuleBook CONTRIBUTIONS = RuleSetFiles.shippedContributions();
    /**
     * The shipped ceilings at today's normal rates in every month: the cases about thresholds,
     * ages and agreements keep round numbers; the rule history's cuts have tests of their own.
     */
    static final ContributionRuleBook AT_NORMAL_RATES = atNormalRates();
    static final EntitlementRuleBook SHIPPED = RuleSetFiles.shippedEntitlements();
    static final String S33 = "TH_SSF_S33";

    private final LocalDate dateOfBirth;
    private String nationality = "THA";
    private final List<WageHistory.WageRange> wages = new ArrayList<>();
    private final Map<String, List<InsuredMonth>> otherMonths = new HashMap<>();
    private final List<ForeignPeriod> foreign = new ArrayList<>();
    private final List<LifeEvent> events = new ArrayList<>();
    private String agreement;
    private LocalDate asOf = LocalDate.parse("2026-01-01");
    private EntitlementRuleBook book = SHIPPED;
    private ContributionRuleBook contributions = AT_NORMAL_RATES;

    private Worker(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    /** Prices the months with the shipped rule history, temporary cuts and all. */
    Worker underTheRuleHistory() {
        contributions = CONTRIBUTIONS;
        return this;
    }

    private static ContributionRuleBook atNormalRates() {
        org.mekongledger.contribution.ContributionRuleSet shipped = CONTRIBUTIONS.ruleSet(S33).orElseThrow();
        org.mekongledger.contribution.ContributionRuleSetVersion normal =
                shipped.inForce(YearMonth.of(2023, 1)).orElseThrow();
        List<org.mekongledger.contribution.ContributionRuleSetVersion> versions = new ArrayList<>();
        for (String from : List.of("1991-01", "2026-01", "2029-01", "2032-01")) {
            org.mekongledger.contribution.ContributionRuleSetVersion ceiling =
                    shipped.inForce(YearMonth.parse(from)).orElseThrow();
            versions.add(new org.mekongledger.contribution.ContributionRuleSetVersion(S33, from, YearMonth.parse(from),
                    normal.currency(), ceiling.wageFloor(), ceiling.wageCeiling(), normal.ratesPercent(),
                    normal.rounding(), org.mekongledger.vocabulary.Bases.test("normal rates throughout")));
        }
        return ContributionRuleBook.of(List.of(org.mekongledger.contribution.ContributionRuleSet.of(S33, versions)));
    }

    static Worker bornOn(String date) {
        return new Worker(LocalDate.parse(date));
    }

    Worker national(String alpha3) {
        nationality = alpha3;
        return this;
    }

    /** Months from..to inclusive at one monthly wage under Section 33. */
    Worker worked(String from, String to, String wage) {
        wages.add(new WageHistory.WageRange(YearMonth.parse(from), YearMonth.parse(to), new BigDecimal(wage)));
        return this;
    }

    /** The last {@code months} months up to and including {@code last}, at one wage. */
    Worker workedMonthsUpTo(int months, String last, String wage) {
        YearMonth to = YearMonth.parse(last);
        return worked(to.minusMonths(months - 1L).toString(), last, wage);
    }

    Worker insuredIn(String from, String to, String scheme) {
        foreign.add(new ForeignPeriod(scheme, YearMonth.parse(from), YearMonth.parse(to), "test certificate"));
        return this;
    }

    /** Welfare-fund fee payments, one per month given (a month may be given twice: worker and agency). */
    Worker paidFees(String fund, String fee, String... months) {
        List<InsuredMonth> fees = otherMonths.computeIfAbsent(fund, f -> new ArrayList<>());
        for (String month : months) {
            fees.add(new InsuredMonth(YearMonth.parse(month), new BigDecimal(fee), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        return this;
    }

    Worker insuredStatusEnded(String date) {
        return event(LifeEventType.INSURED_STATUS_ENDED, date, null);
    }

    Worker departed(String date, String country) {
        return event(LifeEventType.PERMANENT_DEPARTURE, date, country);
    }

    Worker event(LifeEventType type, String date) {
        return event(type, date, null);
    }

    Worker event(LifeEventType type, String date, String country) {
        events.add(new LifeEvent(type, LocalDate.parse(date), country));
        return this;
    }

    Worker agreement(String id) {
        agreement = id;
        return this;
    }

    Worker asOf(String date) {
        asOf = LocalDate.parse(date);
        return this;
    }

    Worker rules(EntitlementRuleBook rules) {
        book = rules;
        return this;
    }

    EntitlementCase toCase() {
        Map<String, List<InsuredMonth>> months = new HashMap<>(otherMonths);
        if (!wages.isEmpty()) {
            months.put(S33, WageHistory.insuredMonths(contributions, S33, wages));
        }
        return new EntitlementCase(dateOfBirth, nationality, months, foreign, events, agreement, asOf);
    }

    List<Entitlement> entitlements() {
        List<Entitlement> all = new EntitlementEngine(book).entitlements(toCase());
        all.forEach(Worker::assertAddsUp);
        return all;
    }

    /** The single entitlement of a scheme. */
    Entitlement of(String scheme) {
        List<Entitlement> ofScheme = entitlements().stream().filter(e -> e.scheme().equals(scheme)).toList();
        assertThat(ofScheme).as("entitlements of %s", scheme).hasSize(1);
        return ofScheme.get(0);
    }

    /** The single Section 33 entitlement. */
    Entitlement s33() {
        return of(S33);
    }

    Entitlement benefit(String scheme, String benefit) {
        return entitlements().stream().filter(e -> e.scheme().equals(scheme) && e.benefit().equals(benefit))
                .findFirst().orElseThrow(() -> new AssertionError("no " + benefit + " of " + scheme));
    }

    /** Every entitlement must explain itself down to its amount, at its currency's minor unit. */
    static void assertAddsUp(Entitlement e) {
        assertThat(e.explanation()).as("explanation of %s", e.benefit()).isNotEmpty();
        assertThat(e.explanation().get(e.explanation().size() - 1).result())
                .as("last step of %s", e.benefit()).isEqualTo(e.amount().toPlainString());
        assertThat(e.amount().scale()).as("scale of %s", e.benefit())
                .isEqualTo(e.currency().getDefaultFractionDigits());
    }

    /** The result of the first step with that rule id, for checking intermediate figures. */
    static String step(Entitlement e, String ruleId) {
        return stepOf(e, ruleId).result();
    }

    static ExplanationStep stepOf(Entitlement e, String ruleId) {
        return e.explanation().stream().filter(s -> s.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + ruleId + " in " + e.explanation()));
    }

    static boolean hasStep(Entitlement e, String ruleId) {
        return e.explanation().stream().anyMatch(s -> s.ruleId().equals(ruleId));
    }
}
