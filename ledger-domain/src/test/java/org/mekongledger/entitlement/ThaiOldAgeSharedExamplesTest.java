package org.mekongledger.entitlement;

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
        assertThat(e.amount()).isEqualTo(new BigDecimal(expect.required("amount").asText()));
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

}
