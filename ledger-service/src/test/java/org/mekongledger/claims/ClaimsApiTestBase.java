package org.mekongledger.claims;

import org.mekongledger.payment.FxConversion;

import java.math.BigDecimal;

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

    /** Units of a payee's currency for one THB in these tests; a baht payee is paid at 1. */
    static final BigDecimal TEST_RATE = new BigDecimal("2.5");

    /**
     * The settlement batch's instruction for the claim as it stands, as a run would send it: the
     * approved amount converted at the test rate into the payee's currency.
     */
    Map<String, Object> instructionFor(String claimId, String run) {
        JsonNode claim = getAs(SETTLEMENT, claimId).json();
        String currency = claim.path("payee").path("currency").asString("THB");
        BigDecimal amount = new BigDecimal(claim.path("amount").asString("0"));
        BigDecimal rate = currency.equals("THB") ? BigDecimal.ONE : TEST_RATE;
        Map<String, Object> instruction = new LinkedHashMap<>();
        instruction.put("claimId", claimId);
        instruction.put("settlementRun", run);
        instruction.put("endToEndId", endToEndId(claimId, run));
        instruction.put("debtorAccount", "TESTBANK01");
        instruction.put("amount", amount.toPlainString());
        instruction.put("currency", "THB");
        instruction.put("paidAmount", FxConversion.convert(amount, rate, currency).toPlainString());
        instruction.put("paidCurrency", currency);
        instruction.put("rate", rate.toPlainString());
        instruction.put("rateDate", "2026-01-05");
        instruction.put("rateSource", "test rate");
        return instruction;
    }

    static String endToEndId(String claimId, String run) {
        String id = claimId.replace("-", "").substring(0, 24) + "-" + run.replaceAll("[^A-Za-z0-9]", "");
        return id.length() > 35 ? id.substring(0, 35) : id;
    }

    Response scheduleAll(List<Map<String, Object>> instructions) {
        return api.post("/api/v1/settlement/schedulings", SETTLEMENT, SETTLEMENT + "-pw",
                Map.of("instructions", instructions));
    }

    Response outcomes(List<Map<String, Object>> outcomes, boolean checkOnly) {
        return api.post("/api/v1/settlement/bank-outcomes", SETTLEMENT, SETTLEMENT + "-pw",
                Map.of("outcomes", outcomes, "checkOnly", checkOnly));
    }

    /** Schedules one claim through the batch's endpoint; answers the claim as it then stands, or the refusal. */
    Response schedule(String claimId, String run) {
        Response answer = scheduleAll(List.of(instructionFor(claimId, run)));
        return answer.status() == 200 ? getAs(SETTLEMENT, claimId) : answer;
    }

    /** The end-to-end id the claim was last instructed under (a made-up one if it never was). */
    String instructedAs(String claimId) {
        String endToEndId = getAs(SETTLEMENT, claimId).json().path("instruction").path("endToEndId").asString("");
        return endToEndId.isEmpty() ? "never-instructed-1" : endToEndId;
    }

    Response paid(String claimId, String bankReference) {
        Response answer = outcomes(List.of(Map.of("claimId", claimId, "endToEndId", instructedAs(claimId),
                "outcome", "PAID", "statusReport", "STS-TEST-1", "bankReference", bankReference)), false);
        return answer.status() == 200 ? getAs(SETTLEMENT, claimId) : answer;
    }

    Response failed(String claimId, String code, String reason) {
        Response answer = outcomes(List.of(Map.of("claimId", claimId, "endToEndId", instructedAs(claimId),
                "outcome", "FAILED", "statusReport", "STS-TEST-1", "reasonCode", code, "reason", reason)), false);
        return answer.status() == 200 ? getAs(SETTLEMENT, claimId) : answer;
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
