package org.mekongledger.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * Every step of a claim is on the audit trail with the officer who took it, without the payee's
 * details; an embassy officer's reads of claims are recorded; and an embassy officer cannot record
 * a life event beyond the embassy's mandate by filing a claim on it.
 */
class ClaimAuditApiTest extends ClaimsApiTestBase {

    @Test
    void eachStepOfAClaimIsAuditedWithItsActorAndNoPaymentDetails() {
        InsuredWorker worker = insuredWorker("KHM");
        String claimId = fileClaim(worker.workerId());
        assertOk(approve(APPROVER, claimId), "APPROVED");
        assertOk(schedule(claimId, "RUN-2026-01-05"), "SCHEDULED");
        assertOk(paid(claimId, "BANKREF-1"), "PAID");

        List<JsonNode> trail = await().atMost(Duration.ofSeconds(20)).until(
                () -> auditEntries("/api/v1/audit?workerId=" + worker.workerId() + "&size=100"),
                entries -> entries.stream().anyMatch(e -> e.path("action").asString().equals("ClaimPaid")));

        assertThat(actorOf(trail, "ClaimFiled")).isEqualTo(OFFICER);
        assertThat(actorOf(trail, "ClaimApproved")).isEqualTo(APPROVER);
        assertThat(actorOf(trail, "ClaimScheduled")).isEqualTo(SETTLEMENT);
        assertThat(actorOf(trail, "ClaimPaid")).isEqualTo(SETTLEMENT);
        trail.stream().filter(e -> e.path("action").asString().startsWith("Claim"))
                .forEach(e -> assertThat(e.path("subjectId").asString()).isEqualTo(claimId));
        // the claim's events carry the payee (the event store must), the trail never does
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like '%000123456%'",
                Long.class)).isPositive();
        String stored = jdbc.queryForList("select concat_ws('|', actor, action, worker_id, subject_id, path) from audit_entry",
                String.class).toString();
        assertThat(stored).doesNotContain("000123456", "ABAAKHPP", "Thida Sok");
    }

    @Test
    void anEmbassyOfficersReadsOfClaimsAreRecorded() {
        InsuredWorker worker = insuredWorker("MMR");
        String claimId = fileClaim(worker.workerId());

        assertThat(getAs(EMBASSY_MMR, claimId).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/claims?workerId=" + worker.workerId(), EMBASSY_MMR, EMBASSY_MMR + "-pw").status())
                .isEqualTo(200);
        // the fund's own officers read without a trail entry: the trail records the embassies' access
        assertThat(getAs(APPROVER, claimId).status()).isEqualTo(200);

        List<JsonNode> reads = auditEntries("/api/v1/audit?workerId=" + worker.workerId() + "&actor=" + EMBASSY_MMR);
        assertThat(reads).extracting(e -> e.path("path").asString())
                .containsExactlyInAnyOrder("/api/v1/claims/" + claimId, "/api/v1/claims");
        assertThat(reads).allSatisfy(e -> assertThat(e.path("kind").asString()).isEqualTo("READ"));
        assertThat(auditEntries("/api/v1/audit?workerId=" + worker.workerId() + "&actor=" + APPROVER)).isEmpty();
    }

    @Test
    void anEmbassyOfficerFilesOnlyOnGroundsTheEmbassyMayRecord() {
        InsuredWorker worker = insuredWorker("MMR");
        long events = eventCount();

        Response onDeath = fileAs(EMBASSY_MMR, with(claim(worker.workerId()), "ground",
                Map.of("type", "DEATH", "date", "2025-12-20")));

        assertThat(onDeath.status()).as(onDeath.raw().body()).isEqualTo(403);
        assertThat(onDeath.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        Response onReturn = fileAs(EMBASSY_MMR, with(claim(worker.workerId()), "ground",
                Map.of("type", "RETURNED", "date", "2025-12-20")));
        assertThat(onReturn.status()).as(onReturn.raw().body()).isNotEqualTo(403);
    }

    private static String actorOf(List<JsonNode> entries, String action) {
        return entries.stream().filter(e -> e.path("action").asString().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + entries)).path("actor").asString();
    }
}
