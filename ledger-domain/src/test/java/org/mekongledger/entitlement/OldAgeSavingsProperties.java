package org.mekongledger.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.ruleset.RuleSetFiles;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.vocabulary.Party;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lump sum is built from the old-age shares month by month under the rule history: whatever the
 * history (eras, temporary cuts, two employers in a month, provinces under a flood cut), the base
 * the engine's explanation states is the sum of the old-age shares the ledger would hold, and its
 * steps per contribution version add up to that base.
 */
class OldAgeSavingsProperties {

    private static final String S33 = "TH_SSF_S33";
    private static final ContributionRuleSet RULES = RuleSetFiles.shippedContributions().ruleSet(S33).orElseThrow();
    private static final EntitlementEngine ENGINE = new EntitlementEngine(RuleSetFiles.shippedEntitlements());

    /** One employer's line on the ledger: a month, a wage and the employer's province (or none). */
    record Line(YearMonth period, BigDecimal wage, String province) {
    }

    @Property(tries = 300)
    void theLumpSumsBaseIsTheSumOfTheOldAgeSharesOnTheLedger(@ForAll("ledgers") List<Line> ledger) {
        List<InsuredMonth> lines = new ArrayList<>();
        BigDecimal employeeOnLedger = BigDecimal.ZERO;
        BigDecimal employerOnLedger = BigDecimal.ZERO;
        for (Line line : ledger) {
            PersonMonthContribution c = RULES.choose(line.period(), line.province()).orElseThrow().version()
                    .contributionFor(line.period(), line.wage());
            BigDecimal employee = c.share(Party.EMPLOYEE).branch(Branch.CHILD_ALLOWANCE_OLD_AGE);
            BigDecimal employer = c.share(Party.EMPLOYER).branch(Branch.CHILD_ALLOWANCE_OLD_AGE);
            employeeOnLedger = employeeOnLedger.add(employee);
            employerOnLedger = employerOnLedger.add(employer);
            lines.add(new InsuredMonth(line.period(), c.insurableWage(), employee, employer, c.ruleSetVersion()));
        }
        List<InsuredMonth> months = WageHistory.combineEmployers(RuleSetFiles.shippedContributions(), S33, lines);
        Assume(months.size() < 180);
        EntitlementCase c = new EntitlementCase(LocalDate.of(1950, 1, 1), "THA", Map.of(S33, months), List.of(),
                List.of(new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, LocalDate.of(2033, 1, 31), null)),
                EntitlementCase.NO_AGREEMENT, LocalDate.of(2034, 1, 1));

        Entitlement e = ENGINE.entitlements(c).get(0);

        assertThat(e.benefit()).isEqualTo(OldAgeBenefits.LUMP_SUM);
        Map<String, String> base = Worker.stepOf(e, S33 + ".OLD_AGE.LUMP_SUM").inputs();
        assertThat(new BigDecimal(base.get("employeeOldAge"))).isEqualByComparingTo(employeeOnLedger);
        BigDecimal stated = new BigDecimal(base.get("employeeOldAge"));
        if (months.size() >= 12) {
            assertThat(new BigDecimal(base.get("employerOldAge"))).isEqualByComparingTo(employerOnLedger);
            stated = stated.add(new BigDecimal(base.get("employerOldAge")));
        }
        BigDecimal byVersion = BigDecimal.ZERO;
        BigDecimal employeeByVersion = BigDecimal.ZERO;
        Map<String, Integer> monthsByVersion = new HashMap<>();
        for (ExplanationStep step : e.explanation()) {
            if (step.ruleId().equals(S33 + ".OLD_AGE.SAVINGS_UNDER_CONTRIBUTION_VERSION")) {
                byVersion = byVersion.add(new BigDecimal(step.result()));
                employeeByVersion = employeeByVersion.add(new BigDecimal(step.inputs().get("employeeOldAge")));
                monthsByVersion.merge(step.ruleSetVersion(), Integer.valueOf(step.inputs().get("months")), Integer::sum);
            }
        }
        assertThat(employeeByVersion).isEqualByComparingTo(employeeOnLedger);
        assertThat(byVersion).isEqualByComparingTo(months.size() >= 12 ? employeeOnLedger.add(employerOnLedger)
                : employeeOnLedger);
        assertThat(monthsByVersion.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(months.size());
        assertThat(stated).isEqualByComparingTo(byVersion);
    }

    private static void Assume(boolean condition) {
        net.jqwik.api.Assume.that(condition);
    }

    @Provide
    Arbitrary<List<Line>> ledgers() {
        Arbitrary<YearMonth> month = Arbitraries.integers().between(0, 12 * 42 - 1)
                .map(n -> YearMonth.of(1991, 1).plusMonths(n));
        Arbitrary<BigDecimal> wage = Arbitraries.bigDecimals().between(new BigDecimal("1000.00"),
                new BigDecimal("30000.00")).ofScale(2);
        Arbitrary<String> province = Arbitraries.of("TH-10", "TH-50", "TH-90", "TH-83", "none")
                .map(p -> p.equals("none") ? null : p);
        Arbitrary<List<Line>> runs = Combinators.combine(month, Arbitraries.integers().between(1, 60), wage, province)
                .as((from, length, w, p) -> {
                    List<Line> run = new ArrayList<>();
                    for (int i = 0; i < length; i++) {
                        run.add(new Line(from.plusMonths(i), w, p));
                    }
                    return run;
                }).list().ofMinSize(1).ofMaxSize(4).map(lists -> {
                    List<Line> all = new ArrayList<>();
                    // one line per employer and month: a second run in the same month is a second employer
                    lists.forEach(all::addAll);
                    return all;
                });
        return runs.filter(lines -> lines.stream().allMatch(l -> !l.period().isAfter(YearMonth.of(2032, 12))));
    }
}
