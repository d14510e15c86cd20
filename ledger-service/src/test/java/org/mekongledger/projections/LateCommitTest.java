package org.mekongledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A largest filing (5,001 events) takes its global indexes, then stays uncommitted while more
 * than Axon's default gap window (10,000) of later events commit and are projected. When it
 * finally commits, every one of its events still gets its journal entry.
 */
class LateCommitTest extends ApiTestBase {

    private static final int LARGEST_FILING = 5_001;
    private static final int AXON_DEFAULT_GAP_WINDOW = 10_000;

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aLateCommittingLargestFilingIsProjectedWhole() throws Exception {
        String lateFiling = "late-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    eventStore.publish(SyntheticEvents.contributions(lateFiling, LARGEST_FILING));
                    appended.countDown();
                    try {
                        assertThat(mayCommit.await(2, TimeUnit.MINUTES)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
        assertThat(appended.await(1, TimeUnit.MINUTES)).isTrue();

        // later filings commit and are projected while the large one is still open
        int later = 0;
        for (int i = 0; i < 3; i++) {
            String filing = "later-" + i + "-" + UUID.randomUUID();
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    eventStore.publish(SyntheticEvents.contributions(filing, 4_000)));
            later += 4_000;
        }
        int laterEvents = later;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_entry where filing_id like 'later-%'", Long.class) == laterEvents);
        long lateFirstIndex = jdbc.queryForObject("""
                select min(global_index) from domain_event_entry
                where convert_from(payload, 'UTF8')::jsonb ->> 'filingId' like 'later-%'""", Long.class) - LARGEST_FILING;
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(head - lateFirstIndex).as("the late filing lies outside Axon's default gap window")
                .isGreaterThan(AXON_DEFAULT_GAP_WINDOW);
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where filing_id = ?", Long.class, lateFiling))
                .isZero();

        mayCommit.countDown();
        late.get(1, TimeUnit.MINUTES);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_entry where filing_id = ?", Long.class, lateFiling) == LARGEST_FILING);
        assertThat(jdbc.queryForObject("select count(distinct event_id) from ledger_entry", Long.class))
                .isEqualTo(eventCount());
    }
}
