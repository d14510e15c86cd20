package org.mekongledger.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/** Welfare-fund fees go through the filing API with who paid them; on a database of its own. */
class WelfareFeesApiTest extends ApiTestBase {

    @Test
    void recordsFeesWithThePayerAndBooksThemInTheFundsCurrency() {
        String employer = registerEmployer();
        String worker = registerWorker("VNM");

        Response filed = admin("/api/v1/contribution-filings", Map.of("scheme", "VN_OESF", "employerAccount", employer,
                "period", "2026-03", "lines", List.of(Map.of("workerId", worker, "payer", "WORKER"),
                        Map.of("workerId", worker, "payer", "RECRUITMENT_AGENCY"))));

        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        assertThat(filed.json().path("currency").asString()).isEqualTo("VND");
        assertThat(filed.json().path("lines").get(0).path("fee").asString()).isEqualTo("100000");
        assertThat(filed.json().path("lines").get(1).path("payer").asString()).isEqualTo("RECRUITMENT_AGENCY");
        assertThat(filed.json().path("totals").path("total").asString()).isEqualTo("250000");

        String filingId = filed.json().path("filingId").asString();
        Response read = eventually("/api/v1/contribution-filings/" + filingId,
                r -> r.status() == 200 && r.json().path("lines").size() == 2);
        assertThat(read.json().path("totals").path("fees").asString()).isEqualTo("250000");

        Response trial = eventually("/api/v1/ledger/trial-balance?currency=VND",
                r -> r.json().path("totalDebit").asString().equals("250000"));
        assertThat(trial.json().path("totalCredit").asString()).isEqualTo("250000");
        assertThat(trial.json().path("accounts").toString()).contains("VN_OESF/FEES_RECEIVABLE/RECRUITMENT_AGENCY");

        Response entitlements = eventually("/api/v1/workers/" + worker + "/entitlements?asOf=2026-06-01",
                r -> r.status() == 200 && r.json().path("entitlements").toString().contains("VN_OESF"));
        JsonNode death = null;
        for (JsonNode entitlement : entitlements.json().path("entitlements")) {
            if (entitlement.path("scheme").asString().equals("VN_OESF")
                    && entitlement.path("benefit").asString().equals("DEATH_BENEFIT")) {
                death = entitlement;
            }
        }
        assertThat(death).as(entitlements.raw().body()).isNotNull();
        assertThat(death.path("amount").asString()).isEqualTo("40000000");
        assertThat(death.path("eligible").asBoolean()).isFalse();

        Response ledger = eventually("/api/v1/workers/" + worker + "/ledger",
                r -> r.json().path("entries").path("totalEntries").asLong() == 2);
        JsonNode fund = ledger.json().path("schemes").get(0);
        assertThat(fund.path("scheme").asString()).isEqualTo("VN_OESF");
        assertThat(fund.path("contributionMonths").asInt()).isEqualTo(1);
        assertThat(fund.path("balances").toString()).contains("\"payer\":\"RECRUITMENT_AGENCY\"")
                .contains("\"amount\":\"150000\"");
        JsonNode newest = ledger.json().path("entries").path("items").get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("FEE");
        assertThat(newest.path("postings")).hasSize(2);
        assertThat(newest.path("postings").get(0).path("side").asString()).isEqualTo("DEBIT");
    }

    @Test
    void aFeeLineNeedsAPayerTheFundTakesFeesFrom() {
        String employer = registerEmployer();
        String worker = registerWorker("VNM");

        Response refused = admin("/api/v1/contribution-filings", Map.of("scheme", "VN_OESF", "employerAccount", employer,
                "period", "2026-03", "lines", List.of(Map.of("workerId", worker, "wage", "1000.00"),
                        Map.of("workerId", worker, "payer", "EMPLOYER"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines[0].payer", "lines[1].payer");
        Response noWage = admin("/api/v1/contribution-filings", Map.of("scheme", "TH_SSF_S33",
                "employerAccount", employer, "period", "2026-03", "lines", List.of(Map.of("workerId", worker))));
        assertThat(noWage.errorFields()).containsExactly("lines[0].wage");
    }

    @Test
    void aLineIsAWageLineOrAFeeLineNeverBothAndARefusedOneLeavesNothingBehind() {
        String employer = registerEmployer();
        String worker = registerWorker("VNM");
        Map<String, String> both = Map.of("workerId", worker, "wage", "1000.00", "payer", "WORKER");

        for (String scheme : List.of("VN_OESF", "TH_SSF_S33")) {
            Response refused = admin("/api/v1/contribution-filings", Map.of("scheme", scheme, "employerAccount", employer,
                    "period", "2026-03", "lines", List.of(Map.of("workerId", worker, "payer", "EMPLOYER"), both)));
            assertThat(refused.status()).as(scheme).isEqualTo(422);
            assertThat(refused.errorFields()).as(scheme).containsExactly("lines[1]");
        }
        // the period was not claimed: the same employer files it now
        Response filed = admin("/api/v1/contribution-filings", Map.of("scheme", "VN_OESF", "employerAccount", employer,
                "period", "2026-03", "lines", List.of(Map.of("workerId", worker, "payer", "WORKER"))));
        assertThat(filed.status()).isEqualTo(201);
    }
}
