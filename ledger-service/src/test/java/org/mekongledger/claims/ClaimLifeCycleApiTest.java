package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/** A claim from filing to payment through REST, and every step its state does not allow. */
class ClaimLifeCycleApiTest extends ClaimsApiTestBase {

    @Test
    void aClaimIsFiledApprovedScheduledFailedApprovedAgainWithANewPayeeAndPaid() {
        InsuredWorker worker = insuredWorker("KHM");

        Response filed = fileAs(OFFICER, claim(worker.workerId()));

        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        String claimId = filed.json().path("claimId").asString();
        assertThat(filed.header("Location")).isEqualTo("/api/v1/claims/" + claimId);
        JsonNode claim = filed.json();
        assertThat(claim.path("status").asString()).isEqualTo("FILED");
        assertThat(claim.path("workerId").asString()).isEqualTo(worker.workerId());
        assertThat(claim.path("workerName").asString()).isEqualTo("Thida Sok");
        assertThat(claim.path("nationality").asString()).isEqualTo("KHM");
        assertThat(claim.path("amount").asString()).isEqualTo(THREE_MONTHS);
        assertThat(claim.path("currency").asString()).isEqualTo("THB");
        assertThat(claim.path("payeeNameMatches").asBoolean()).isTrue();
        assertThat(claim.path("payee").path("accountNumber").asString()).isEqualTo("000123456");
        assertThat(claim.path("ground").path("type").asString()).isEqualTo("PERMANENT_DEPARTURE");
        JsonNode assessment = claim.path("filedAssessment");
        assertThat(assessment.path("eligible").asBoolean()).isTrue();
        assertThat(assessment.path("amount").asString()).isEqualTo(THREE_MONTHS);
        assertThat(assessment.path("basis").asString()).isEqualTo("TH-KH");
        assertThat(assessment.path("explanation").size()).isGreaterThan(1);
        assertThat(assessment.path("ruleSetVersions").size()).isPositive();
        assessment.path("ruleSetVersions").forEach(version -> assertThat(version.asString()).contains("@"));
        assertThat(claim.path("approvalAssessment").isMissingNode() || claim.path("approvalAssessment").isNull()).isTrue();
        assertThat(claim.path("filedBy").asString()).isEqualTo(OFFICER);
        assertThat(claim.path("filedAt").asString()).isNotBlank();
        // read at once: the read model is written in the filing's own transaction
        assertThat(getAs(APPROVER, claimId).json().path("status").asString()).isEqualTo("FILED");

        Response approved = approve(APPROVER, claimId);
        assertOk(approved, "APPROVED");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(APPROVER);
        assertThat(approved.json().path("amount").asString()).isEqualTo(THREE_MONTHS);
        assertThat(approved.json().path("approvalAssessment").path("amount").asString()).isEqualTo(THREE_MONTHS);

        assertOk(schedule(claimId, "RUN-2026-01-05"), "SCHEDULED");
        Response bounced = failed(claimId, "AC04", "account closed");
        assertOk(bounced, "FAILED");
        assertThat(bounced.json().path("failureCode").asString()).isEqualTo("AC04");
        assertThat(bounced.json().path("reason").asString()).isEqualTo("account closed");

        Response again = act(APPROVER_2, claimId, "approval", Map.of("newPayee", walletPayee("Thida Sok")));
        assertOk(again, "APPROVED");
        assertThat(again.json().path("payee").path("channel").asString()).isEqualTo("MOBILE_WALLET");
        assertThat(again.json().path("payee").path("msisdn").asString()).isEqualTo("+85512345678");
        assertThat(again.json().path("decidedBy").asString()).isEqualTo(APPROVER_2);

        assertOk(schedule(claimId, "RUN-2026-01-12"), "SCHEDULED");
        Response paid = paid(claimId, "ABA-20260112-0001");
        assertOk(paid, "PAID");
        assertThat(paid.json().path("bankReference").asString()).isEqualTo("ABA-20260112-0001");

        JsonNode history = getAs(OFFICER, claimId).json().path("history");
        assertThat(statuses(history)).containsExactly("FILED", "APPROVED", "SCHEDULED", "FAILED", "APPROVED",
                "SCHEDULED", "PAID");
        assertThat(history.get(0).path("actor").asString()).isEqualTo(OFFICER);
        assertThat(history.get(1).path("actor").asString()).isEqualTo(APPROVER);
        assertThat(history.get(2).path("actor").asString()).isEqualTo(SETTLEMENT);
        assertThat(history.get(3).path("reason").asString()).isEqualTo("account closed");
        assertThat(history.get(4).path("actor").asString()).isEqualTo(APPROVER_2);
        history.forEach(step -> assertThat(step.path("at").asString()).isNotBlank());

        Response list = api.get("/api/v1/claims?workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        assertThat(list.json().path("claims").get(0).path("status").asString()).isEqualTo("PAID");
        assertThat(api.get("/api/v1/claims?status=PAID&workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW)
                .json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/claims?status=FILED&workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW)
                .json().path("total").asLong()).isZero();
    }

    @Test
    void everyStepAClaimsStateDoesNotAllowIsRefusedNamingTheState() {
        InsuredWorker paidOut = insuredWorker("KHM");
        String claimId = fileClaim(paidOut.workerId());
        assertForbidden(claimId, "FILED", "scheduling", "payment", "failure");
        assertOk(approve(APPROVER, claimId), "APPROVED");
        assertForbidden(claimId, "APPROVED", "approval", "rejection", "cancellation", "payment", "failure");
        assertOk(schedule(claimId, "RUN-1"), "SCHEDULED");
        assertForbidden(claimId, "SCHEDULED", "approval", "rejection", "cancellation", "scheduling");
        assertOk(failed(claimId, "AC01", "wrong account"), "FAILED");
        assertForbidden(claimId, "FAILED", "rejection", "scheduling", "payment", "failure");
        assertOk(approve(APPROVER, claimId), "APPROVED");
        assertOk(schedule(claimId, "RUN-2"), "SCHEDULED");
        assertOk(paid(claimId, "REF-2"), "PAID");
        assertForbidden(claimId, "PAID", "approval", "rejection", "cancellation", "scheduling", "failure");
        // the bank's report read again is no refusal: it records nothing
        long events = eventCount();
        assertOk(paid(claimId, "REF-2"), "PAID");
        assertThat(eventCount()).isEqualTo(events);

        InsuredWorker refused = insuredWorker("KHM");
        String rejected = fileClaim(refused.workerId());
        assertOk(reject(rejected, "the departure is not evidenced"), "REJECTED");
        assertForbidden(rejected, "REJECTED", "approval", "rejection", "cancellation", "scheduling", "payment", "failure");
        String cancelled = fileClaim(refused.workerId());
        assertOk(cancel(cancelled, "the worker withdrew the claim"), "CANCELLED");
        assertForbidden(cancelled, "CANCELLED", "approval", "rejection", "cancellation", "scheduling", "payment",
                "failure");
        assertThat(getAs(AUDITOR, cancelled).json().path("reason").asString()).isEqualTo("the worker withdrew the claim");
        assertThat(getAs(AUDITOR, rejected).json().path("decidedBy").asString()).isEqualTo(APPROVER);
    }

    @Test
    void aFailedClaimMayBeCancelled() {
        InsuredWorker worker = insuredWorker("KHM");
        String claimId = fileClaim(worker.workerId());
        assertOk(approve(APPROVER, claimId), "APPROVED");
        assertOk(schedule(claimId, "RUN-3"), "SCHEDULED");
        assertOk(failed(claimId, "AC04", "account closed"), "FAILED");

        assertOk(cancel(claimId, "the worker cannot be reached"), "CANCELLED");
    }

    @Test
    void aFilingOrAnApprovalSentTwiceWithItsKeyIsRecordedOnce() {
        InsuredWorker worker = insuredWorker("KHM");
        Map<String, String> key = Map.of("Idempotency-Key", "claim-" + worker.workerId());
        Response first = api.post("/api/v1/claims", OFFICER, OFFICER + "-pw", claim(worker.workerId()), key);
        Response retry = api.post("/api/v1/claims", OFFICER, OFFICER + "-pw", claim(worker.workerId()), key);

        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String claimId = first.json().path("claimId").asString();
        assertThat(retry.json().path("claimId").asString()).isEqualTo(claimId);

        Map<String, String> approvalKey = Map.of("Idempotency-Key", "approve-" + claimId);
        Response approved = api.post("/api/v1/claims/" + claimId + "/approval", APPROVER, APPROVER + "-pw", Map.of(),
                approvalKey);
        Response approvedAgain = api.post("/api/v1/claims/" + claimId + "/approval", APPROVER, APPROVER + "-pw",
                Map.of(), approvalKey);
        assertOk(approved, "APPROVED");
        assertOk(approvedAgain, "APPROVED");
        assertThat(statuses(getAs(AUDITOR, claimId).json().path("history"))).containsExactly("FILED", "APPROVED");
        assertThat(api.get("/api/v1/claims?workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW)
                .json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownClaimIsNotFoundWhateverIsAsked() {
        String unknown = randomId();
        assertThat(getAs(AUDITOR, unknown).status()).isEqualTo(404);
        assertThat(approve(APPROVER, unknown).status()).isEqualTo(404);
        assertThat(reject(unknown, "no").status()).isEqualTo(404);
        assertThat(cancel(unknown, "no").status()).isEqualTo(404);
        // settlement names claims in lists: an unknown one is a refused item, naming it
        assertThat(schedule(unknown, "RUN-1").errorFields()).containsExactly("instructions[0].claimId");
        assertThat(paid(unknown, "REF").errorFields()).containsExactly("outcomes[0].claimId");
        assertThat(failed(unknown, "AC04", "closed").errorFields()).containsExactly("outcomes[0].claimId");
        assertThat(getAs(AUDITOR, "not-a-uuid").status()).isEqualTo(422);
    }

    private void assertForbidden(String claimId, String state, String... steps) {
        Map<String, Function<String, Response>> attempts = new LinkedHashMap<>();
        attempts.put("approval", id -> approve(APPROVER_2, id));
        attempts.put("rejection", id -> act(APPROVER_2, id, "rejection", Map.of("reason", "late")));
        attempts.put("cancellation", id -> cancel(id, "withdrawn"));
        attempts.put("scheduling", id -> schedule(id, "RUN-X"));
        attempts.put("payment", id -> paid(id, "REF-X"));
        attempts.put("failure", id -> failed(id, "AC04", "closed"));
        long events = eventCount();
        for (String step : List.of(steps)) {
            Response refused = attempts.get(step).apply(claimId);
            assertThat(refused.status()).as(step + " on a " + state + " claim: " + refused.raw().body()).isEqualTo(409);
            assertThat(refused.json().path("currentState").asString()).as(step).isEqualTo(state);
            assertThat(refused.json().path("detail").asString()).as(step).contains(state);
        }
        assertThat(eventCount()).as("nothing recorded").isEqualTo(events);
        assertThat(getAs(AUDITOR, claimId).json().path("status").asString()).isEqualTo(state);
    }
}
