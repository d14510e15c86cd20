package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/** Maker-checker, a lump sum once per worker and scheme (also under concurrency), re-assessment at approval. */
class ClaimRulesApiTest extends ClaimsApiTestBase {

    @Test
    void whoeverFiledAClaimMayNotApproveIt() {
        InsuredWorker worker = insuredWorker("KHM");
        Response filed = fileAs(OFFICER_APPROVER, claim(worker.workerId()));
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        String claimId = filed.json().path("claimId").asString();
        long events = eventCount();

        Response ownApproval = approve(OFFICER_APPROVER, claimId);

        assertThat(ownApproval.status()).as(ownApproval.raw().body()).isEqualTo(403);
        assertThat(ownApproval.contentType()).startsWith("application/problem+json");
        assertThat(ownApproval.json().path("type").asString()).endsWith("/separation-of-duties");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(getAs(AUDITOR, claimId).json().path("status").asString()).isEqualTo("FILED");
        assertOk(approve(APPROVER, claimId), "APPROVED");
    }

    @Test
    void aLumpSumIsClaimedOnceWhileAClaimIsOpenOrPaidAndAgainAfterARejection() {
        InsuredWorker worker = insuredWorker("KHM");
        String first = fileClaim(worker.workerId());

        assertThat(fileAs(OFFICER, claim(worker.workerId())).status()).as("while FILED").isEqualTo(409);
        assertOk(reject(first, "no evidence of departure"), "REJECTED");

        String second = fileClaim(worker.workerId());
        assertOk(approve(APPROVER, second), "APPROVED");
        assertThat(fileAs(OFFICER, claim(worker.workerId())).status()).as("while APPROVED").isEqualTo(409);
        assertOk(schedule(second, "RUN-1"), "SCHEDULED");
        assertOk(paid(second, "REF-1"), "PAID");

        long events = eventCount();
        Response afterPayment = fileAs(OFFICER, claim(worker.workerId()));
        assertThat(afterPayment.status()).as("once PAID").isEqualTo(409);
        assertThat(afterPayment.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get("/api/v1/claims?workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW)
                .json().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void twoApproversAtOnceApproveAClaimOnce() throws Exception {
        InsuredWorker worker = insuredWorker("KHM");
        String claimId = fileClaim(worker.workerId());

        List<Response> answers = inParallel(List.<Callable<Response>>of(
                () -> approve(APPROVER, claimId), () -> approve(APPROVER_2, claimId)));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().path("currentState").asString()).isEqualTo("APPROVED");
        assertThat(statuses(getAs(AUDITOR, claimId).json().path("history"))).containsExactly("FILED", "APPROVED");
    }

    @Test
    void twoClaimsAtOnceForOneWorkerAndSchemeFileOne() throws Exception {
        InsuredWorker worker = insuredWorker("KHM");

        List<Response> answers = inParallel(List.<Callable<Response>>of(
                () -> fileAs(OFFICER, claim(worker.workerId())), () -> fileAs(OFFICER, claim(worker.workerId()))));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(api.get("/api/v1/claims?workerId=" + worker.workerId(), AUDITOR, AUDITOR_PW)
                .json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anAmountThatFellSinceFilingIsApprovedAtTheNewAmountWithBothAssessmentsKept() {
        InsuredWorker worker = insuredWorker("KHM");
        String claimId = fileClaim(worker.workerId());
        reverse(worker.filingIds().get(2));
        awaitLumpSumMonths(worker.workerId(), 2);

        Response approved = approve(APPROVER, claimId);

        assertOk(approved, "APPROVED");
        JsonNode claim = approved.json();
        assertThat(claim.path("amount").asString()).isEqualTo("720.00");
        assertThat(claim.path("filedAssessment").path("amount").asString()).isEqualTo(THREE_MONTHS);
        assertThat(claim.path("approvalAssessment").path("amount").asString()).isEqualTo("720.00");
        assertThat(claim.path("approvalAssessment").path("explanation").size()).isGreaterThan(1);
        assertThat(claim.path("filedAssessment").path("explanation").size()).isGreaterThan(1);
    }

    @Test
    void aBenefitGoneSinceFilingIsNotApproved() {
        InsuredWorker worker = insuredWorker("KHM");
        String claimId = fileClaim(worker.workerId());
        worker.filingIds().forEach(this::reverse);
        awaitLumpSumMonths(worker.workerId(), 0);
        long events = eventCount();

        Response refused = approve(APPROVER, claimId);

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("/claim-no-longer-payable");
        assertThat(refused.json().path("reason").asString()).isNotBlank();
        assertThat(refused.json().path("detail").asString()).contains(refused.json().path("reason").asString());
        assertThat(eventCount()).isEqualTo(events);
        JsonNode claim = getAs(AUDITOR, claimId).json();
        assertThat(claim.path("status").asString()).isEqualTo("FILED");
        assertThat(claim.path("amount").asString()).isEqualTo(THREE_MONTHS);
    }

    private void reverse(String filingId) {
        Response reversed = admin("/api/v1/contribution-filings/" + filingId + "/reversal",
                Map.of("reason", "filed for the wrong worker"));
        assertThat(reversed.status()).as(reversed.raw().body()).isEqualTo(200);
    }
}
