package org.mekongledger.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

class ContributionFilingsApiTest extends ApiTestBase {

    static Stream<JsonNode> sharedExamples() {
        String dir = sharedExamplesDir();
        JsonNode examples = ApiClient.JSON.readTree(new File(dir, "th-ssf-s33-contributions.json"));
        List<JsonNode> cases = new ArrayList<>();
        examples.path("cases").forEach(cases::add);
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}: shared example")
    @MethodSource("sharedExamples")
    void computesEveryLineAsTheSharedExamplesSay(JsonNode example) {
        String employer = registerEmployer();
        String workerId = registerWorker("MMR");

        Response filed = file(employer, example.path("period").asString(), workerId, example.path("wage").asString());

        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        JsonNode line = filed.json().path("lines").get(0);
        assertThat(line.path("insurableWage").asString()).isEqualTo(example.path("insurableWage").asString());
        for (String party : List.of("employee", "employer", "government")) {
            JsonNode expected = example.path(party);
            JsonNode actual = line.path(party);
            assertThat(actual.path("total").asString()).as(party + " total").isEqualTo(expected.path("total").asString());
            expected.properties().forEach(branch -> {
                if (!branch.getKey().equals("total")) {
                    assertThat(actual.path("branches").path(branch.getKey()).asString()).as(party + " " + branch.getKey())
                            .isEqualTo(branch.getValue().asString());
                }
            });
        }
        assertThat(filed.json().path("currency").asString()).isEqualTo("THB");
    }

    @Test
    void answersTheFilingWithLinesAndTotalsAndServesItBack() {
        String employer = registerEmployer();
        String first = registerWorker("MMR");
        String second = registerWorker("KHM");

        Response filed = file(employer, "2026-02", first, "12345.00", second, "20000.00");

        assertThat(filed.status()).isEqualTo(201);
        String filingId = filed.json().path("filingId").asString();
        assertThat(filed.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(filed.json().path("ruleSetVersion").asString()).isEqualTo("2026-01");
        assertThat(filed.json().path("lines")).hasSize(2);
        // 617 + 875 employee, 617 + 875 employer, 339 + 481 government
        assertThat(filed.json().path("totals").path("employee").path("total").asString()).isEqualTo("1492.00");
        assertThat(filed.json().path("totals").path("government").path("total").asString()).isEqualTo("820.00");
        assertThat(filed.json().path("totals").path("total").asString()).isEqualTo("3804.00");

        Response read = eventually("/api/v1/contribution-filings/" + filingId,
                r -> r.status() == 200 && r.json().path("lines").size() == 2);
        assertThat(read.json().path("totals")).isEqualTo(filed.json().path("totals"));
        assertThat(read.json().path("lines")).isEqualTo(filed.json().path("lines"));
        assertThat(read.json().path("filedBy").asString()).isEqualTo(ADMIN);
    }

    @Test
    void usesTheCeilingOfTheRuleSetInForceForThePeriod() {
        String employer = registerEmployer();
        String workerId = registerWorker("LAO");

        Response december = file(employer, "2025-12", workerId, "30000.00");
        Response january = file(employer, "2026-01", workerId, "30000.00");

        assertThat(december.json().path("lines").get(0).path("insurableWage").asString()).isEqualTo("15000.00");
        assertThat(january.json().path("lines").get(0).path("insurableWage").asString()).isEqualTo("17500.00");
    }

    @Test
    void anyBadLineRefusesTheWholeFilingListsEveryBadLineAndRecordsNothing() {
        String employer = registerEmployer();
        String good = registerWorker("VNM");
        String twice = registerWorker("VNM");
        long events = eventCount();

        Response refused = file(employer, "2026-03", good, "15000.00", randomId(), "15000.00", twice, "0.00",
                twice, "9000.00");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("lines[1].workerId", "lines[2].wage", "lines[3].workerId");
        assertThat(eventCount()).isEqualTo(events);
        // the period is still free: nothing was claimed
        assertThat(file(employer, "2026-03", good, "15000.00").status()).isEqualTo(201);
    }

    @Test
    void aWageWithMoreThanSatangOrNotANumberIsNamed() {
        String employer = registerEmployer();
        String workerId = registerWorker("KHM");

        Response response = file(employer, "2026-03", workerId, "1000.005");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("lines[0].wage");
        assertThat(file(employer, "2026-03", workerId, "ten thousand").errorFields()).containsExactly("lines[0].wage");
    }

    @Test
    void anUnknownEmployerOrSchemeIsNamed() {
        String workerId = registerWorker("KHM");

        assertThat(file("9999999998", "2026-03", workerId, "1000.00").errorFields()).containsExactly("employerAccount");
        Map<String, Object> otherScheme = new java.util.HashMap<>(filing(registerEmployer(), "2026-03", workerId, "1.00"));
        otherScheme.put("scheme", "XX_NONE");
        Response response = admin("/api/v1/contribution-filings", otherScheme);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("scheme");
    }

    @Test
    void aPeriodAfterTheCurrentMonthIsRefused() {
        String employer = registerEmployer();
        String workerId = registerWorker("MMR");
        String nextMonth = YearMonth.now(ZoneId.of("Asia/Bangkok")).plusMonths(1).toString();

        Response response = file(employer, nextMonth, workerId, "10000.00");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("period");
    }

    @Test
    void oneAcceptedFilingPerEmployerSchemeAndPeriod() {
        String employer = registerEmployer();
        String workerId = registerWorker("MMR");
        assertThat(file(employer, "2026-04", workerId, "10000.00").status()).isEqualTo(201);
        long events = eventCount();

        Response again = file(employer, "2026-04", workerId, "11000.00");

        assertThat(again.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aReversalCompensatesKeepsTheOriginalAndFreesThePeriodForACorrection() {
        String employer = registerEmployer();
        String workerId = registerWorker("LAO");
        String filingId = file(employer, "2026-05", workerId, "10000.00").json().path("filingId").asString();
        eventually("/api/v1/contribution-filings/" + filingId, r -> r.status() == 200);

        Response reversed = admin("/api/v1/contribution-filings/" + filingId + "/reversal",
                Map.of("reason", "wrong wage declared"));

        assertThat(reversed.status()).as(reversed.raw().body()).isEqualTo(200);
        assertThat(reversed.json().path("status").asString()).isEqualTo("REVERSED");
        Response corrected = file(employer, "2026-05", workerId, "12000.00");
        assertThat(corrected.status()).isEqualTo(201);

        Response ledger = eventually("/api/v1/workers/" + workerId + "/ledger",
                r -> r.json().path("entries").path("totalEntries").asLong() == 3);
        List<String> kinds = new ArrayList<>();
        ledger.json().path("entries").path("items").forEach(e -> kinds.add(e.path("kind").asString()));
        assertThat(kinds).containsExactly("CONTRIBUTION", "REVERSAL", "CONTRIBUTION");
        assertThat(ledger.json().path("schemes").get(0).path("contributionMonths").asInt()).isEqualTo(1);
        assertThat(balance(ledger, "EMPLOYEE", "CHILD_ALLOWANCE_OLD_AGE")).isEqualByComparingTo("360.00");

        Response original = eventually("/api/v1/contribution-filings/" + filingId,
                r -> "REVERSED".equals(r.json().path("status").asString()));
        assertThat(original.json().path("reversal").path("reason").asString()).isEqualTo("wrong wage declared");
        assertThat(original.json().path("lines")).hasSize(1);
    }

    @Test
    void aFilingIsReversedOnlyOnce() {
        String employer = registerEmployer();
        String workerId = registerWorker("LAO");
        String filingId = file(employer, "2026-06", workerId, "10000.00").json().path("filingId").asString();
        eventually("/api/v1/contribution-filings/" + filingId, r -> r.status() == 200);
        assertThat(admin("/api/v1/contribution-filings/" + filingId + "/reversal", Map.of("reason", "x")).status())
                .isEqualTo(200);

        assertThat(admin("/api/v1/contribution-filings/" + filingId + "/reversal", Map.of("reason", "x")).status())
                .isEqualTo(409);
    }

    @Test
    void reversingAnUnknownFilingIsNotFoundAndAReasonIsRequired() {
        assertThat(admin("/api/v1/contribution-filings/" + randomId() + "/reversal", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(admin("/api/v1/contribution-filings/" + randomId() + "/reversal", Map.of()).errorFields())
                .containsExactly("reason");
        assertThat(read("/api/v1/contribution-filings/" + randomId()).status()).isEqualTo(404);
    }

    private static BigDecimal balance(Response ledger, String party, String branch) {
        for (JsonNode balance : ledger.json().path("schemes").get(0).path("balances")) {
            if (balance.path("party").asString().equals(party) && balance.path("branch").asString().equals(branch)) {
                return new BigDecimal(balance.path("amount").asString());
            }
        }
        throw new AssertionError("no balance " + party + "/" + branch);
    }

    /**
     * The shared worked examples live beside the repository (../shared/examples); surefire passes
     * that path, and a clone elsewhere falls back to the workplace's copy.
     */
    private static String sharedExamplesDir() {
        for (String candidate : new String[] {System.getProperty("shared.examples.dir"), "../shared/examples",
                "../../shared/examples", "/work/shared/examples"}) {
            if (candidate != null && new java.io.File(candidate, "th-ssf-s33-contributions.json").isFile()) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/examples not found; set -Dshared.examples.dir");
    }
}
