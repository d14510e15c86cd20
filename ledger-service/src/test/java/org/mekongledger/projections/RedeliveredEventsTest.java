package org.mekongledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The ledger processor is at-least-once: an event comes again when the token update after its
 * entries is lost, or when another replica takes a segment over in the middle of a batch (the
 * double-booked fee seen once in TwoReplicasTest under load). Here every event comes again: the
 * ledger's tokens are removed, so it reads the whole store once more. Each event stays booked once,
 * with its amounts counted once, and the reconciliation shows events equal to journal entries.
 */
class RedeliveredEventsTest extends ApiTestBase {

    private static final String RECONCILIATION = "/api/v1/ledger/reconciliation";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aJournalEntryIsBookedOnceWhenItsEventIsDeliveredAgain() throws Exception {
        String employer = registerEmployer();
        String feeWorker = registerWorker("VNM");
        String worker = registerWorker("MMR");
        assertThat(admin("/api/v1/contribution-filings", Map.of("scheme", "VN_OESF", "employerAccount", employer,
                "period", "2026-03", "lines", List.of(Map.of("workerId", feeWorker, "payer", "WORKER")))).status())
                .isEqualTo(201);
        Response filed = file(employer, "2026-03", worker, "12000.00");
        assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
        String reversed = filed.json().path("filingId").asString();
        eventually("/api/v1/contribution-filings/" + reversed, r -> r.status() == 200);
        assertThat(admin("/api/v1/contribution-filings/" + reversed + "/reversal", Map.of("reason", "wrong month"))
                .status()).isEqualTo(200);
        assertThat(file(employer, "2026-04", worker, "13000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + worker + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == 3);
        eventually("/api/v1/workers/" + feeWorker + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == 1);
        assertBookedOnce();
        List<Map<String, Object>> totals = accountTotals();
        String feeWorkerLedger = read("/api/v1/workers/" + feeWorker + "/ledger").raw().body();

        PooledStreamingEventProcessor ledger =
                processing.eventProcessor("ledger", PooledStreamingEventProcessor.class).orElseThrow();
        ledger.shutdownAsync().get(30, TimeUnit.SECONDS);
        owner().update("delete from token_entry where processor_name = 'ledger'");
        // the filing register is rebuilt by the same processor: seeing it again proves the replay
        List<Map<String, Object>> filings = filings();
        owner().update("delete from contribution_filing_view");
        ledger.start();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<Integer, EventTrackerStatus> status = ledger.processingStatus();
            return status.size() == 2 && status.values().stream().allMatch(segment ->
                    segment.getCurrentPosition().orElse(-1) >= head);
        });

        assertThat(filings()).isEqualTo(filings);
        assertBookedOnce();
        assertThat(accountTotals()).isEqualTo(totals);
        assertThat(jdbc.queryForList("select cause_type, cause_message from dead_letter_entry")).isEmpty();
        assertThat(read("/api/v1/workers/" + feeWorker + "/ledger").raw().body()).isEqualTo(feeWorkerLedger);
    }

    /** Journal entries equal events, per type, and no event has other than one entry. */
    private void assertBookedOnce() {
        Response response = api.get(RECONCILIATION, ADMIN, ADMIN_PW);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        JsonNode reconciliation = response.json();
        assertThat(reconciliation.path("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
        assertThat(reconciliation.path("differenceCount").asLong()).isZero();
        for (String type : List.of("ContributionRecorded", "ContributionReversed", "WelfareFeeRecorded")) {
            long events = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                    Long.class, "org.mekongledger.api." + type);
            assertThat(events).as(type).isPositive();
            JsonNode count = count(reconciliation, type);
            assertThat(count.path("events").asLong()).as(type).isEqualTo(events);
            assertThat(count.path("entries").asLong()).as(type).isEqualTo(events);
        }
    }

    private List<Map<String, Object>> filings() {
        return jdbc.queryForList("select filing_id, status, reversal_reason from contribution_filing_view order by 1");
    }

    private List<Map<String, Object>> accountTotals() {
        return jdbc.queryForList("select account, currency, debit, credit from ledger_account_total order by 1, 2");
    }

    private static JsonNode count(JsonNode reconciliation, String eventType) {
        for (JsonNode count : reconciliation.path("counts")) {
            if (count.path("eventType").asString().equals(eventType)) {
                return count;
            }
        }
        throw new AssertionError("no count of " + eventType + " in " + reconciliation);
    }
}
