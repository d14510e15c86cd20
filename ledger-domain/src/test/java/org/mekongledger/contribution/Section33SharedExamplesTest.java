package org.mekongledger.contribution;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.mekongledger.examples.SharedExamples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shared, hand-checked Section 33 cases against the shipped rule book. The numbers stay
 * in the shared file (owned outside this repository) so the examples cannot drift to fit the code.
 */
class Section33SharedExamplesTest {

    private static final String FILE = "th-ssf-s33-contributions.json";
    private static final ContributionRuleBook BOOK = RuleSetFiles.shippedContributions();

    static Stream<Arguments> cases() throws IOException {
        return SharedExamples.cases(FILE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesSharedExample(JsonNode example, String scheme) {
        ContributionRuleSet ruleSet = BOOK.ruleSet(scheme).orElseThrow();
        YearMonth period = YearMonth.parse(example.required("period").asText());

        PersonMonthContribution contribution = ruleSet.contributionFor(period, money(example.required("wage")));

        // isEqualTo on BigDecimal compares scale too: "750.00" must come back as 750.00, not 750
        assertThat(contribution.insurableWage()).isEqualTo(money(example.required("insurableWage")));
        for (Party party : Party.values()) {
            JsonNode expected = example.required(party.name().toLowerCase(Locale.ROOT));
            PartyShare share = contribution.share(party);
            assertThat(share.total()).as("%s total", party).isEqualTo(money(expected.required("total")));
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("total")) {
                    Branch branch = Branch.valueOf(field.getKey());
                    assertThat(share.branches().get(branch)).as("%s %s", party, branch)
                            .isEqualTo(money(field.getValue()));
                }
            }
        }
    }

    private static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asText());
    }

}
