package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Histories read ahead serve exactly one load each, on the thread that read them; every other load
 * reads the store. An event appended after the read ahead proves which one answered: the prefetched
 * history does not have it, the store does.
 */
class PrefetchingEventStorageEngineTest extends ApiTestBase {

    @Autowired
    PrefetchingEventStorageEngine engine;
    @Autowired
    LedgerCommands commands;
    @Autowired
    DataSource dataSource;

    @Test
    void theServiceSessionsNeverJitCompileTheirStatements() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // at cost 0 every statement would be compiled, and its plan would say so
            statement.execute("set local jit_above_cost = 0");
            try (ResultSet rows = statement.executeQuery("explain (analyze) select count(*) from domain_event_entry")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            try (ResultSet rows = statement.executeQuery("show jit")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("off");
            }
            connection.rollback();
        }
        assertThat(plan).contains("Aggregate").doesNotContain("JIT");
    }

    @Test
    void onlyAccountsTheCacheDoesNotHoldAreReadAhead() {
        String registered = registerWorker("VNM"); // its account stays cached after the command

        assertThat(commands.notCached(List.of(registered, "never-loaded"))).containsExactly("never-loaded");
    }

    @Test
    void aPrefetchedHistoryServesOneLoadThenTheStoreAnswersAgain() {
        String first = registerWorker("MMR");
        String second = registerWorker("KHM");
        List<Long> firstHistory = sequences(first);
        List<Long> secondHistory = sequences(second);
        assertThat(firstHistory).isNotEmpty();

        engine.prefetch(List.of(first, second, first, "no-such-account"));
        try {
            appendLateEvent(first, firstHistory.size());
            assertThat(sequences(first)).as("served from the read ahead").isEqualTo(firstHistory);
            assertThat(sequences(first)).as("read from the store, with the late event")
                    .hasSize(firstHistory.size() + 1);
            assertThat(sequences(second)).isEqualTo(secondHistory);
            assertThat(sequences("no-such-account")).isEmpty();
            assertThat(engine.readSnapshot(second)).isEmpty();
        } finally {
            engine.forget();
        }
    }

    @Test
    void anotherThreadAndAForgottenReadAheadGoToTheStore() throws Exception {
        String worker = registerWorker("LAO");
        List<Long> history = sequences(worker);

        engine.prefetch(List.of(worker));
        try {
            appendLateEvent(worker, history.size());
            assertThat(CompletableFuture.supplyAsync(() -> sequences(worker)).get())
                    .as("another thread reads the store").hasSize(history.size() + 1);
        } finally {
            engine.forget();
        }
        assertThat(sequences(worker)).as("forgotten: the store answers").hasSize(history.size() + 1);
    }

    @Test
    void withASnapshotOnlyTheEventsAfterItAreReadAheadAndAnEarlierAskGoesToTheStore() {
        String worker = registerWorker("MMR");
        List<Long> history = sequences(worker);
        long newest = history.get(history.size() - 1);
        engine.storeSnapshot(new GenericDomainEventMessage<>("WorkerAccount", worker, newest, "a snapshot"));

        engine.prefetch(List.of(worker));
        try {
            appendLateEvent(worker, history.size());
            assertThat(engine.readEvents(worker, newest + 1).asStream().toList())
                    .as("after the snapshot: served from the read ahead, which predates the late event").isEmpty();
        } finally {
            engine.forget();
        }

        engine.prefetch(List.of(worker));
        try {
            assertThat(sequences(worker)).as("from the start (the snapshot refused): the store, whole")
                    .hasSize(history.size() + 1);
        } finally {
            engine.forget();
        }
    }

    /** An event no handler knows (the account ignores it), appended by the service's own role. */
    private void appendLateEvent(String aggregateId, long sequence) {
        DomainEventMessage<String> late = new GenericDomainEventMessage<>("WorkerAccount", aggregateId, sequence,
                "appended after the read ahead");
        engine.appendEvents(List.of(late));
    }

    private List<Long> sequences(String aggregateId) {
        return engine.readEvents(aggregateId).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }
}
