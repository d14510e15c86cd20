package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/** The claims desk as the tests speak it: eligible workers, claim bodies, and each step by its role. */
abstract class ClaimsApiTestBase extends ApiTestBase {

    static final String OFFICER = "claims-officer";
    static final String APPROVER = "approver";
    static final String APPROVER_2 = "approver-2";
    static final String OFFICER_APPROVER = "officer-approver";
    static final String SETTLEMENT = "settlement";
    static final String EMBASSY_MMR = "embassy-mmr";
    static final String AS_OF = "2026-01-01";
    static final String LUMP_SUM = "OLD_AGE_LUMP_SUM";
    /** Three months at 12,000: the employee's old-age share 360 a month. */
    static final String THREE_MONTHS = "1080.00";

    /** A worker of the nationality with three months filed (ids of the filings kept), no longer insured. */
    record InsuredWorker(String workerId, List<String> filingIds) {
    }

    InsuredWorker insuredWorker(String nationality) {
        String workerId = registerWorker(nationality);
        String employer = registerEmployer();
        List<String> filings = new ArrayList<>();
        for (String period : List.of("2025-01", "2025-02", "2025-03")) {
            Response filed = file(employer, period, workerId, "12000.00");
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
            filings.add(filed.json().path("filingId").asString());
        }
        assertThat(admin("/api/v1/workers/" + workerId + "/events",
                Map.of("type", "INSURED_STATUS_ENDED", "date", "2025-03-31")).status()).isEqualTo(201);
        awaitLumpSumMonths(workerId, 3);
        return new InsuredWorker(workerId, filings);
    }

    /** The ledger follows filings asynchronously: wait until the engine counts the months. */
    void awaitLumpSumMonths(String workerId, int months) {
        eventually("/api/v1/workers/" + workerId + "/entitlements?asOf=" + AS_OF + "&event=PERMANENT_DEPARTURE",
                r -> r.status() == 200 && lumpSumMonths(r) == months);
    }

    private static int lumpSumMonths(Response entitlements) {
        for (JsonNode entitlement : entitlements.json().path("entitlements")) {
            if (entitlement.path("scheme").asString().equals("TH_SSF_S33")
                    && entitlement.path("benefit").asString().equals(LUMP_SUM)) {
                return entitlement.path("contributionMonths").asInt();
            }
        }
        return 0;
    }

    static Map<String, Object> bankPayee(String name) {
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", name);
        payee.put("channel", "BANK_ACCOUNT");
        payee.put("country", "KHM");
        payee.put("currency", "KHR");
        payee.put("bankBic", "ABAAKHPP");
        payee.put("accountNumber", "000123456");
        return payee;
    }

    static Map<String, Object> walletPayee(String name) {
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", name);
        payee.put("channel", "MOBILE_WALLET");
        payee.put("country", "KHM");
        payee.put("currency", "KHR");
        payee.put("walletProvider", "Wing");
        payee.put("msisdn", "+85512345678");
        return payee;
    }

    /** A claim for the old-age lump sum on leaving Thailand for good, paid to the worker's bank at home. */
    static Map<String, Object> claim(String workerId) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("workerId", workerId);
        claim.put("scheme", "TH_SSF_S33");
        claim.put("benefit", LUMP_SUM);
        claim.put("asOf", AS_OF);
        claim.put("ground", Map.of("type", "PERMANENT_DEPARTURE", "date", "2025-12-20", "country", "KHM"));
        claim.put("payee", bankPayee("Thida Sok"));
        return claim;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    Response fileAs(String user, Map<String, Object> claim) {
        return api.post("/api/v1/claims", user, user + "-pw", claim);
    }

    String fileClaim(String workerId) {
        Response filed = fileAs(OFFICER, claim(workerId));
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        return filed.json().path("claimId").asString();
    }

    Response getAs(String user, String claimId) {
        return api.get("/api/v1/claims/" + claimId, user, user + "-pw");
    }

    Response act(String user, String claimId, String step, Object body) {
        return api.post("/api/v1/claims/" + claimId + "/" + step, user, user + "-pw", body);
    }

    Response approve(String user, String claimId) {
        return act(user, claimId, "approval", Map.of());
    }

    Response reject(String claimId, String reason) {
        return act(APPROVER, claimId, "rejection", Map.of("reason", reason));
    }

    Response cancel(String claimId, String reason) {
        return act(OFFICER, claimId, "cancellation", Map.of("reason", reason));
    }

    Response schedule(String claimId, String run) {
        return act(SETTLEMENT, claimId, "scheduling", Map.of("settlementRun", run));
    }

    Response paid(String claimId, String bankReference) {
        return act(SETTLEMENT, claimId, "payment", Map.of("bankReference", bankReference));
    }

    Response failed(String claimId, String code, String reason) {
        return act(SETTLEMENT, claimId, "failure", Map.of("reasonCode", code, "reason", reason));
    }

    static void assertOk(Response response, String status) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo(status);
    }

    static List<String> statuses(JsonNode history) {
        List<String> statuses = new ArrayList<>();
        history.forEach(step -> statuses.add(step.path("status").asString()));
        return statuses;
    }
}
