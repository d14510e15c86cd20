package org.mekongledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

import tools.jackson.databind.JsonNode;

/** FUND_ADMIN's reconciliation of events against journal entries; health and metrics of the projections. */
class ReconciliationAndHealthApiTest extends ApiTestBase {

    private static final String RECONCILIATION = "/api/v1/ledger/reconciliation";

    @Test
    void everyEventHasItsEntryAndAMissingOrDoubledEntryIsReported() {
        String employer = registerEmployer();
        String first = registerWorker("MMR");
        String second = registerWorker("KHM");
        String kept = file(employer, "2025-05", first, "15000.00", second, "9000.00").json().path("filingId").asString();
        String reversed = file(employer, "2025-06", first, "15000.00").json().path("filingId").asString();
        eventually("/api/v1/contribution-filings/" + reversed, r -> r.status() == 200); // issue 6: reversal right after filing
        assertThat(admin("/api/v1/contribution-filings/" + reversed + "/reversal", Map.of("reason", "wrong month"))
                .status()).isEqualTo(200);
        eventually("/api/v1/workers/" + first + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == 3);

        JsonNode balanced = await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> reconcile().json(), answer -> answer.path("projectionLag").asLong(-1) == 0);
        assertThat(balanced.path("balanced").asBoolean()).as(balanced.toString()).isTrue();
        assertThat(balanced.path("differenceCount").asLong()).isZero();
        long recorded = stored("ContributionRecorded");
        long reversals = stored("ContributionReversed");
        assertThat(recorded).isGreaterThanOrEqualTo(3); // other tests of this class file too
        assertThat(count(balanced, "ContributionRecorded").path("events").asLong()).isEqualTo(recorded);
        assertThat(count(balanced, "ContributionRecorded").path("entries").asLong()).isEqualTo(recorded);
        assertThat(count(balanced, "ContributionReversed").path("events").asLong()).isEqualTo(reversals);
        assertThat(count(balanced, "ContributionReversed").path("entries").asLong()).isEqualTo(reversals);

        String lostEvent = jdbc.queryForObject(
                "select event_id from ledger_entry where filing_id = ? and worker_id = ?", String.class, kept, second);
        jdbc.update("delete from ledger_entry where event_id = ?", lostEvent);
        // a second entry of an event can no longer be written (V15); an entry without its event still can
        jdbc.update("""
                insert into ledger_entry (event_id, kind, worker_id, scheme, filing_id, employer_account, period,
                    rule_set_version, currency, wage, insurable_wage, employee_smid, employee_caoa, employee_unemp,
                    employer_smid, employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp,
                    booked_at)
                select 'no-such-event-' || event_id, kind, worker_id, scheme, filing_id, employer_account, period,
                    rule_set_version, currency, wage, insurable_wage, employee_smid, employee_caoa, employee_unemp,
                    employer_smid, employer_caoa, employer_unemp, government_smid, government_caoa, government_unemp,
                    booked_at
                from ledger_entry where kind = 'REVERSAL'""");

        JsonNode differs = reconcile().json();
        assertThat(differs.path("balanced").asBoolean()).isFalse();
        assertThat(differs.path("differenceCount").asLong()).isEqualTo(2);
        assertThat(count(differs, "ContributionRecorded").path("entries").asLong()).isEqualTo(recorded - 1);
        assertThat(count(differs, "ContributionReversed").path("entries").asLong()).isEqualTo(reversals + 1);
        JsonNode missing = difference(differs, lostEvent);
        assertThat(missing.path("filingId").asString()).isEqualTo(kept);
        assertThat(missing.path("workerId").asString()).isEqualTo(second);
        assertThat(missing.path("eventStored").asBoolean()).isTrue();
        assertThat(missing.path("entriesFound").asLong()).isZero();
        String orphan = jdbc.queryForObject("select min(event_id) from ledger_entry where event_id like 'no-such-event-%'",
                String.class);
        assertThat(difference(differs, orphan).path("eventStored").asBoolean()).isFalse();
        assertThat(difference(differs, orphan).path("entriesFound").asLong()).isEqualTo(1);

        JsonNode limited = api.get(RECONCILIATION + "?limit=1", ADMIN, ADMIN_PW).json();
        assertThat(limited.path("differences")).hasSize(1);
        assertThat(limited.path("differenceCount").asLong()).isEqualTo(2);
    }

    @Test
    void onlyAFundAdministratorReconciles() {
        assertThat(api.get(RECONCILIATION, AUDITOR, AUDITOR_PW).status()).isEqualTo(403);
        assertThat(api.get(RECONCILIATION, EMBASSY, EMBASSY_PW).status()).isEqualTo(403);
        assertThat(api.get(RECONCILIATION, null, null).status()).isEqualTo(401);
    }

    @Test
    void healthShowsProjectionsOnlyToSignedInUsersAndMetricsCountLinesFiled() {
        Response open = api.get("/actuator/health", null, null);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().path("status").asString()).isEqualTo("UP");
        assertThat(open.json().has("components")).as(open.raw().body()).isFalse();

        String employer = registerEmployer();
        String worker = registerWorker("LAO");
        assertThat(file(employer, "2025-03", worker, "12000.00").status()).isEqualTo(201);

        Response signedIn = api.get("/actuator/health", AUDITOR, AUDITOR_PW);
        JsonNode processors = signedIn.json().path("components").path("projections").path("details").path("processors");
        assertThat(processors.path("ledger").path("running").asBoolean()).as(signedIn.raw().body()).isTrue();
        assertThat(processors.path("ledger").path("segments")).isNotEmpty();
        assertThat(processors.path("ledger").has("lag")).isTrue();
        assertThat(processors.path("directory").path("running").asBoolean()).isTrue();

        assertThat(api.get("/actuator/metrics/ledger.filing.lines", null, null).status()).isEqualTo(401);
        Response lines = api.get("/actuator/metrics/ledger.filing.lines?tag=scheme:TH_SSF_S33", AUDITOR, AUDITOR_PW);
        assertThat(lines.status()).as(lines.raw().body()).isEqualTo(200);
        assertThat(lines.json().path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(api.get("/actuator/metrics/ledger.projection.lag", AUDITOR, AUDITOR_PW).status()).isEqualTo(200);
    }

    private long stored(String eventType) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                "org.mekongledger.api." + eventType);
    }

    private Response reconcile() {
        Response response = api.get(RECONCILIATION, ADMIN, ADMIN_PW);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response;
    }

    private static JsonNode count(JsonNode reconciliation, String eventType) {
        for (JsonNode count : reconciliation.path("counts")) {
            if (count.path("eventType").asString().equals(eventType)) {
                return count;
            }
        }
        throw new AssertionError("no count for " + eventType + " in " + reconciliation);
    }

    private static JsonNode difference(JsonNode reconciliation, String eventId) {
        for (JsonNode difference : reconciliation.path("differences")) {
            if (difference.path("eventId").asString().equals(eventId)) {
                return difference;
            }
        }
        throw new AssertionError("no difference for " + eventId + " in " + reconciliation);
    }
}
