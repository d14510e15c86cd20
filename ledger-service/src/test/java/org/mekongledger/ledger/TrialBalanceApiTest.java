package org.mekongledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/** On a database of its own, so the totals are exactly what this test recorded. */
class TrialBalanceApiTest extends ApiTestBase {

    @Test
    void theTrialBalanceAlwaysBalancesReversalsIncluded() {
        String employer = registerEmployer();
        String first = registerWorker("LAO");
        String second = registerWorker("VNM");
        String filingId = file(employer, "2025-08", first, "15000.00", second, "1000.00").json().path("filingId").asString();
        file(employer, "2025-09", first, "15000.00");
        eventually("/api/v1/contribution-filings/" + filingId, r -> r.status() == 200);
        admin("/api/v1/contribution-filings/" + filingId + "/reversal", java.util.Map.of("reason", "duplicate"));

        // both workers' reversals booked (the projection books workers in parallel segments)
        Response trial = eventually("/api/v1/ledger/trial-balance",
                r -> r.json().path("accounts").size() == 12
                        && r.json().path("accounts").get(0).path("credit").asString().equals("833.00"));

        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (JsonNode account : trial.json().path("accounts")) {
            debit = debit.add(new BigDecimal(account.path("debit").asString()));
            credit = credit.add(new BigDecimal(account.path("credit").asString()));
        }
        assertThat(trial.json().path("totalDebit").asString()).isEqualTo(trial.json().path("totalCredit").asString());
        assertThat(debit).isEqualByComparingTo(new BigDecimal(trial.json().path("totalDebit").asString()));
        assertThat(credit).isEqualByComparingTo(debit);
        // receivable from employees: (750 + 83) contributed, then reversed, then 750 again
        JsonNode employeeReceivable = account(trial.json(), "TH_SSF_S33/CONTRIBUTIONS_RECEIVABLE/EMPLOYEE");
        assertThat(employeeReceivable.path("debit").asString()).isEqualTo("1583.00");
        assertThat(employeeReceivable.path("credit").asString()).isEqualTo("833.00");
    }

    private static JsonNode account(JsonNode trial, String name) {
        for (JsonNode account : trial.path("accounts")) {
            if (account.path("account").asString().equals(name)) {
                return account;
            }
        }
        throw new AssertionError("no account " + name);
    }

}
