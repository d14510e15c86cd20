package org.mekongledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Largest filings that took their global indexes and never committed (a crash, a severed
 * connection) leave gaps the projection tracks; once the events after them are older than the gap
 * timeout they are given up, so the tokens (and the memory they take) do not keep them.
 */
class CrashGapsTest extends ApiTestBase {

    private static final int LARGEST_FILING = 5_001;

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void gapsLeftByCrashedFilingsAreGivenUpAfterTheTimeout() throws Exception {
        for (int i = 0; i < 3; i++) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                eventStore.publish(SyntheticEvents.contributions("crashed-" + UUID.randomUUID(), LARGEST_FILING));
                status.setRollbackOnly();
            });
        }
        String afterCrash = publishOne();
        awaitBooked(afterCrash);
        // the crashed filings' indexes are tracked as gaps (kept in the token stored with the batch)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(this::mostGapsInALedgerToken, gaps -> gaps >= 3 * LARGEST_FILING);
        // time passes: the event after the crash is now older than the gap timeout
        owner().update("update domain_event_entry set time_stamp = '2020-01-01T00:00:00Z' where event_identifier = ?",
                afterCrash);

        // a filing in flight leaves a fresh gap: the projection cleans up when it next has gaps to check
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        String inFlightFiling = "in-flight-" + UUID.randomUUID();
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    eventStore.publish(SyntheticEvents.contributions(inFlightFiling, 1));
                    appended.countDown();
                    try {
                        assertThat(mayCommit.await(1, TimeUnit.MINUTES)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        awaitBooked(publishOne());
        mayCommit.countDown();
        inFlight.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_entry where filing_id = ?", Long.class, inFlightFiling) == 1);

        // the crash gaps are given up: every stored token holds at most the few gaps of work in flight
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            awaitBooked(publishOne());
            return mostGapsInALedgerToken();
        }, gaps -> gaps < 10);
        assertThat(jdbc.queryForObject("select count(distinct event_id) from ledger_entry", Long.class))
                .isEqualTo(eventCount());
    }

    private String publishOne() {
        List<DomainEventMessage<?>> events = SyntheticEvents.contributions("after-" + UUID.randomUUID(), 1);
        eventStore.publish(events);
        return events.get(0).getIdentifier();
    }

    private void awaitBooked(String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_entry where event_id = ?", Long.class, eventId) == 1);
    }

    private int mostGapsInALedgerToken() {
        return jdbc.queryForObject("""
                select coalesce(max(jsonb_array_length(convert_from(token, 'UTF8')::jsonb -> 'gaps')), 0)
                from token_entry where processor_name = 'ledger' and token is not null""", Integer.class);
    }
}
