package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

class LedgerApiTest extends ApiTestBase {

    @Test
    void balancesPerSchemePartyAndBranchWithMonthsCountedOnceForTwoEmployers() {
        String workerId = registerWorker("MMR");
        String mainJob = registerEmployer();
        String sideJob = registerEmployer();
        file(mainJob, "2025-05", workerId, "10000.00");
        file(mainJob, "2025-06", workerId, "10000.00");
        file(sideJob, "2025-06", workerId, "4000.00");

        Response ledger = eventually("/api/v1/workers/" + workerId + "/ledger",
                r -> r.json().path("entries").path("totalEntries").asLong() == 3);

        JsonNode scheme = ledger.json().path("schemes").get(0);
        assertThat(scheme.path("scheme").asString()).isEqualTo("TH_SSF_S33");
        assertThat(scheme.path("contributionMonths").asInt()).isEqualTo(2);
        assertThat(scheme.path("balances")).hasSize(9);
        // employee old-age: 300 + 300 + 120
        assertThat(balance(scheme, "EMPLOYEE", "CHILD_ALLOWANCE_OLD_AGE")).isEqualByComparingTo("720.00");
        assertThat(balance(scheme, "GOVERNMENT", "SICKNESS_MATERNITY_INVALIDITY_DEATH"))
                .isEqualByComparingTo(new BigDecimal("150.00").add(new BigDecimal("150.00")).add(new BigDecimal("60.00")));
    }

    @Test
    void entriesAreNewestFirstPagedAndBalanced() {
        String workerId = registerWorker("KHM");
        String employer = registerEmployer();
        for (String period : List.of("2025-01", "2025-02", "2025-03")) {
            assertThat(file(employer, period, workerId, "9000.00").status()).isEqualTo(201);
        }

        Response firstPage = eventually("/api/v1/workers/" + workerId + "/ledger?page=0&size=2",
                r -> r.json().path("entries").path("totalEntries").asLong() == 3);
        Response secondPage = read("/api/v1/workers/" + workerId + "/ledger?page=1&size=2");

        List<String> periods = new ArrayList<>();
        firstPage.json().path("entries").path("items").forEach(e -> periods.add(e.path("period").asString()));
        secondPage.json().path("entries").path("items").forEach(e -> periods.add(e.path("period").asString()));
        assertThat(periods).containsExactly("2025-03", "2025-02", "2025-01");
        JsonNode entry = firstPage.json().path("entries").path("items").get(0);
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JsonNode posting : entry.path("postings")) {
            BigDecimal amount = new BigDecimal(posting.path("amount").asString());
            if (posting.path("side").asString().equals("DEBIT")) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
        }
        assertThat(entry.path("postings")).hasSize(12);
        // 9,000: employee 450, employer 450, government 247.50 rounded half up to 248
        assertThat(debits).isEqualByComparingTo(credits).isEqualByComparingTo("1148.00");
    }

    @Test
    void anUnknownWorkerHasNoLedgerAndAnUnknownCurrencyIsRefused() {
        assertThat(read("/api/v1/workers/" + randomId() + "/ledger").status()).isEqualTo(404);
        Response response = read("/api/v1/ledger/trial-balance?currency=XYZ");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("currency");
    }

    private static BigDecimal balance(JsonNode scheme, String party, String branch) {
        for (JsonNode balance : scheme.path("balances")) {
            if (balance.path("party").asString().equals(party) && balance.path("branch").asString().equals(branch)) {
                return new BigDecimal(balance.path("amount").asString());
            }
        }
        throw new AssertionError("no balance " + party + "/" + branch);
    }
}
