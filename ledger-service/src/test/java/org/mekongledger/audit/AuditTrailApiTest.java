package org.mekongledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The audit trail: one entry per stored event with its actor, worker and record, written by the
 * "audit" tracking processor from the events alone; one per worker an embassy officer read.
 */
class AuditTrailApiTest extends ApiTestBase {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyActionIsAuditedWithItsActorWorkerAndRecord() {
        String worker = registerWorker("MMR");
        String employer = registerEmployer();
        assertThat(admin("/api/v1/workers/" + worker + "/documents", Map.of("type", "PINK_CARD",
                "number", uniqueNumber("00"), "issuingCountry", "THA", "validUntil", "2028-01-31")).status())
                .isEqualTo(201);
        Response filed = file(employer, "2025-06", worker, "15000.00");
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        String filingId = filed.json().path("filingId").asString();
        assertThat(admin("/api/v1/contribution-filings/" + filingId + "/reversal", Map.of("reason", "wrong wage"))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/workers/" + worker + "/events", "embassy-mmr", "embassy-mmr-pw",
                Map.of("type", "PERMANENT_DEPARTURE", "date", "2026-01-10", "country", "MMR")).status()).isEqualTo(201);
        assertThat(admin("/api/v1/workers/" + worker + "/insurance-periods", Map.of("scheme", "LA_LSSO",
                "from", "2015-01", "to", "2016-12", "source", "LSSO certificate 12/2026")).status()).isEqualTo(201);
        JsonNode latest = read("/api/v1/rule-sets/TH_SSF_S33").json().path("versions");
        JsonNode parameters = latest.get(latest.size() - 1).path("parameters");
        Response amended = admin("/api/v1/rule-sets/TH_SSF_S33/versions",
                org.mekongledger.rulelibrary.RuleSetsApiTest.amendment(Map.of("version", "2041-01",
                        "effectiveFrom", "2041-01-01", "parameters", parameters), "audit test"));
        assertThat(amended.status()).as(amended.raw().body()).isEqualTo(201);

        List<JsonNode> ofWorker = await().atMost(Duration.ofSeconds(20)).until(
                () -> auditEntries("/api/v1/audit?workerId=" + worker), entries -> entries.size() >= 6);
        assertThat(ofWorker).extracting(e -> e.path("action").asString()).containsExactlyInAnyOrder(
                "WorkerRegistered", "DocumentLinked", "ContributionRecorded", "ContributionReversed",
                "LifeEventRecorded", "InsurancePeriodCredited");
        assertThat(ofWorker).allSatisfy(entry -> {
            assertThat(entry.path("kind").asString()).isEqualTo("EVENT");
            assertThat(entry.path("eventId").asString()).isNotBlank();
            assertThat(entry.path("workerId").asString()).isEqualTo(worker);
        });
        assertThat(action(ofWorker, "LifeEventRecorded").path("actor").asString()).isEqualTo("embassy-mmr");
        assertThat(action(ofWorker, "WorkerRegistered").path("actor").asString()).isEqualTo(ADMIN);
        assertThat(action(ofWorker, "ContributionRecorded").path("subjectId").asString()).isEqualTo(filingId);
        assertThat(timesOf(ofWorker)).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<JsonNode> all = await().atMost(Duration.ofSeconds(20)).until(
                () -> auditEntries("/api/v1/audit?actor=" + ADMIN + "&size=500"), entries -> entries.stream()
                        .anyMatch(e -> e.path("action").asString().equals("RuleSetVersionAdded")));
        assertThat(action(all, "EmployerRegistered").path("subjectId").asString()).isEqualTo(employer);
        assertThat(action(all, "ContributionsFiled").path("subjectId").asString()).isEqualTo(filingId);
        assertThat(action(all, "FilingReversed").path("subjectId").asString()).isEqualTo(filingId);
        assertThat(action(all, "RuleSetVersionAdded").path("subjectId").asString()).isEqualTo("TH_SSF_S33");
        assertThat(all).allSatisfy(entry -> assertThat(entry.path("actor").asString()).isEqualTo(ADMIN));
        // as many entries as events, each once
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from audit_entry where kind = 'EVENT'", Long.class) == eventCount());
    }

    /** A type this version does not even know (stored by a newer replica) is audited under its name. */
    @Test
    void anEventOfAnUnknownTypeIsAuditedUnderItsStoredName() {
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload, meta_data)
                values (?, 'run-1', 0, 'SettlementRun', '2026-01-01T00:00:00Z', 'org.mekongledger.api.SettlementRunClosed',
                    convert_to('{"runId":"run-1"}', 'UTF8'), convert_to('{"actor":"settlement"}', 'UTF8'))""",
                randomId());
        JsonNode unknown = await().atMost(Duration.ofSeconds(20)).until(
                () -> auditEntries("/api/v1/audit?actor=settlement").stream().findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(unknown.path("action").asString()).isEqualTo("SettlementRunClosed");
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        String worker = registerWorker("LAO");
        await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries("/api/v1/audit?workerId=" + worker).size() == 1);
        TrackingEventProcessor audit = processing.eventProcessor("audit", TrackingEventProcessor.class).orElseThrow();
        audit.shutDown();
        audit.resetTokens();
        audit.start();
        // events are processed in order: once a later event is audited, the replay has passed the first
        String later = registerWorker("LAO");
        await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries("/api/v1/audit?workerId=" + later).size() == 1);
        assertThat(auditEntries("/api/v1/audit?workerId=" + worker)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'EVENT'", Long.class))
                .isEqualTo(eventCount());
    }

    @Test
    void embassyOfficersReadsAreRecordedPerWorkerAndOthersAreNot() {
        String mmr = registerWorker("MMR");
        String other = registerWorker("MMR");
        String khm = registerWorker("KHM");
        assertThat(api.get("/api/v1/workers/" + mmr, "embassy-mmr", "embassy-mmr-pw").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/workers/" + mmr + "/ledger", "embassy-mmr", "embassy-mmr-pw").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/workers/" + mmr + "/entitlements?asOf=2026-01-01", "embassy-mmr", "embassy-mmr-pw")
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/workers?size=200", "embassy-mmr", "embassy-mmr-pw").status()).isEqualTo(200);
        // refused or not found: nothing was read
        assertThat(api.get("/api/v1/workers/" + mmr, "embassy-khm", "embassy-khm-pw").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/workers/" + mmr + "/entitlements?asOf=1900-01-01", "embassy-mmr", "embassy-mmr-pw")
                .status()).isEqualTo(422);
        // the fund's own reads are not recorded
        assertThat(read("/api/v1/workers/" + mmr).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/workers/" + khm, ADMIN, ADMIN_PW).status()).isEqualTo(200);

        // (the list read every MMR worker of this class's database; these two are this test's)
        List<JsonNode> reads = auditEntries("/api/v1/audit?actor=embassy-mmr&size=500").stream()
                .filter(e -> e.path("kind").asString().equals("READ"))
                .filter(e -> List.of(mmr, other).contains(e.path("workerId").asString())).toList();
        assertThat(reads).extracting(e -> e.path("workerId").asString() + " " + e.path("path").asString())
                .containsExactlyInAnyOrder(
                        mmr + " /api/v1/workers/" + mmr,
                        mmr + " /api/v1/workers/" + mmr + "/ledger",
                        mmr + " /api/v1/workers/" + mmr + "/entitlements",
                        mmr + " /api/v1/workers",
                        other + " /api/v1/workers");
        assertThat(reads).allSatisfy(e -> assertThat(e.path("action").asString()).isEqualTo(AuditTrail.READ_ACTION));
        assertThat(auditEntries("/api/v1/audit?actor=embassy-khm")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'READ' and actor in (?, ?)",
                Long.class, ADMIN, AUDITOR)).isZero();
        // FUND_ADMIN reads the trail too
        assertThat(api.get("/api/v1/audit?workerId=" + mmr, ADMIN, ADMIN_PW).status()).isEqualTo(200);
    }

    @Test
    void theServiceAppendsToTheTrailButCannotRewriteIt() {
        registerWorker("THA");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from audit_entry",
                Long.class) > 0);
        for (String rewrite : List.of("update audit_entry set actor = 'someone else'", "delete from audit_entry",
                "truncate audit_entry")) {
            assertThatThrownBy(() -> jdbc.execute(rewrite)).as(rewrite)
                    .rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void filtersByTimeAndPage() {
        String worker = registerWorker("VNM");
        await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries("/api/v1/audit?workerId=" + worker).size() == 1);
        Instant at = Instant.parse(auditEntries("/api/v1/audit?workerId=" + worker).get(0).path("at").asString());
        String base = "/api/v1/audit?workerId=" + worker;
        assertThat(auditEntries(base + "&from=" + at)).hasSize(1);
        assertThat(auditEntries(base + "&from=" + at.plusMillis(1))).isEmpty();
        assertThat(auditEntries(base + "&to=" + at)).isEmpty();
        assertThat(auditEntries(base + "&from=" + at.minusSeconds(60) + "&to=" + at.plusSeconds(60))).hasSize(1);
        assertThat(auditEntries(base + "&page=1")).isEmpty();

        registerWorker("VNM");
        Response first = read("/api/v1/audit?size=1&page=0");
        Response second = read("/api/v1/audit?size=1&page=1");
        assertThat(first.json().path("entries")).hasSize(1);
        assertThat(first.json().path("size").asInt()).isEqualTo(1);
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
        assertThat(Instant.parse(first.json().path("entries").get(0).path("at").asString()))
                .isAfterOrEqualTo(Instant.parse(second.json().path("entries").get(0).path("at").asString()));
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertThat(read("/api/v1/audit?workerId=not-a-uuid").errorFields()).containsExactly("workerId");
        assertThat(read("/api/v1/audit?from=yesterday").errorFields()).containsExactly("from");
        assertThat(read("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").errorFields())
                .containsExactly("from");
        assertThat(read("/api/v1/audit?size=0").errorFields()).containsExactly("size");
        assertThat(read("/api/v1/audit?page=-1").errorFields()).containsExactly("page");
        assertThat(read("/api/v1/audit?size=0").status()).isEqualTo(422);
    }

    @Test
    void onlyAuditorsAndFundAdministratorsReadTheTrail() {
        for (String user : List.of("embassy-khm", "embassy-mmr", "claims-officer", "approver", "settlement")) {
            Response refused = api.get("/api/v1/audit", user, user + "-pw");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(read("/api/v1/audit").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit", null, null).status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode action(List<JsonNode> entries, String action) {
        return entries.stream().filter(e -> e.path("action").asString().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + entries));
    }

    private static List<Instant> timesOf(List<JsonNode> entries) {
        return entries.stream().map(e -> Instant.parse(e.path("at").asString())).toList();
    }
}
