package org.mekongledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.FilingReversed;
import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Events the ledger projection cannot handle go to the dead-letter queue with their cause, the
 * projection books everything after them, and health and metrics show the dead letters.
 */
class PoisonEventTest extends ApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void aPoisonEventIsDeadLetteredAndTheLedgerGoesOn() {
        // the database refuses this filing id (longer than its column): a failure provoked by data
        String poisonFiling = "x".repeat(100);
        eventStore.publish(new GenericDomainEventMessage<>("ContributionFiling", poisonFiling, 0,
                new ContributionsFiled(poisonFiling, "TH_SSF_S33", "1234567890", YearMonth.of(2025, 6), "2020-12",
                        "THB", List.of("w-1"))));
        // a later event of the same filing waits behind it, in order
        eventStore.publish(new GenericDomainEventMessage<>("ContributionFiling", poisonFiling, 1,
                new FilingReversed(poisonFiling, "TH_SSF_S33", "1234567890", YearMonth.of(2025, 6), "wrong employer")));
        // an event whose payload is not even JSON
        jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload, meta_data)
                values (?, ?, 0, 'WorkerAccount', '2026-01-01T00:00:00Z', 'org.mekongledger.api.ContributionRecorded',
                    convert_to('not json', 'UTF8'), convert_to('{}', 'UTF8'))""",
                UUID.randomUUID().toString(), "poison-worker");

        // real business after the poison is booked
        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        assertThat(file(employer, "2025-06", worker, "15000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + worker + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == 1);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = 'ledger'", Long.class) == 3);
        assertThat(jdbc.queryForList("select sequence_identifier from dead_letter_entry order by sequence_identifier, sequence_index",
                String.class)).containsExactlyInAnyOrder(poisonFiling, poisonFiling, "poison-worker");
        assertThat(jdbc.queryForList("select cause_type from dead_letter_entry where sequence_identifier = ? "
                + "order by sequence_index", String.class, poisonFiling).get(0)).isNotBlank();

        ApiClient.Response health = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/actuator/health", ADMIN, ADMIN_PW),
                r -> r.json().path("components").path("projections").path("details").path("processors")
                        .path("ledger").path("lag").asLong(-1) == 0);
        JsonNode ledger = health.json().path("components").path("projections").path("details").path("processors").path("ledger");
        assertThat(ledger.path("deadLetters").asLong()).isEqualTo(3);
        assertThat(ledger.path("running").asBoolean()).isTrue();
        assertThat(health.json().path("status").asString()).isEqualTo("UP");

        ApiClient.Response metric = api.get("/actuator/metrics/ledger.projection.dead.letters", ADMIN, ADMIN_PW);
        assertThat(metric.status()).as(metric.raw().body()).isEqualTo(200);
    }
}
