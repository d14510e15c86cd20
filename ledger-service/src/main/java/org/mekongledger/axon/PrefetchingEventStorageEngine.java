package org.mekongledger.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * The event store that can read many aggregates' histories at once. A command that loads a thousand
 * accounts (a settlement chunk) would otherwise cost two queries per account (its snapshots, its
 * events); {@link #prefetch} reads them all in two queries for the thread's next loads. Each
 * prefetched history serves one load and is then dropped, so later loads read the store again.
 * <p>
 * A history read here can only be as stale as one read by the load itself: an event appended by
 * someone else in between makes the command's append collide on (aggregate, sequence number), the
 * same lost race as always, retried by {@link LedgerCommands} with a fresh read.
 */
class PrefetchingEventStorageEngine extends CompactGapsEventStorageEngine {

    /** Per thread: the histories read ahead and not yet loaded, by aggregate id. */
    private final ThreadLocal<Map<String, History>> prefetched = new ThreadLocal<>();

    private record History(List<DomainEventData<?>> events, List<DomainEventData<?>> snapshots) {
    }

    /** What a served history leaves for the engine's next ask: the end of it. */
    private static final History END = new History(List.of(), List.of());

    PrefetchingEventStorageEngine(Builder builder) {
        super(builder);
    }

    /** Reads the aggregates' histories for this thread's next loads, until {@link #forget}. */
    void prefetch(Collection<String> aggregateIds) {
        String[] ids = aggregateIds.stream().distinct().toArray(String[]::new);
        Map<String, History> histories = new HashMap<>(ids.length * 2);
        for (String id : ids) {
            histories.put(id, new History(new ArrayList<>(), new ArrayList<>()));
        }
        Connection connection = getConnection();
        try {
            // unordered: sorting a thousand accounts' wide rows cost the database more than the read
            // itself (56 ms against 24 ms for 7,000 events, warm); each history is put in order here
            read(connection, "select " + domainEventFields() + " from " + schema().snapshotTable()
                    + " where " + schema().aggregateIdentifierColumn() + " = any (?)", ids, histories, true);
            read(connection, "select " + domainEventFields() + " from " + schema().domainEventTable()
                    + " where " + schema().aggregateIdentifierColumn() + " = any (?)", ids, histories, false);
        } catch (SQLException failed) {
            throw new EventStoreException("reading the histories of " + ids.length + " aggregates failed", failed);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
        for (History history : histories.values()) {
            // snapshots newest first, as the engine's own read gives them; events in sequence
            history.snapshots().sort(BY_SEQUENCE.reversed());
            history.events().sort(BY_SEQUENCE);
        }
        prefetched.set(histories);
    }

    private static final Comparator<DomainEventData<?>> BY_SEQUENCE =
            Comparator.comparingLong(DomainEventData::getSequenceNumber);

    /** Drops whatever this thread prefetched and did not load. */
    void forget() {
        prefetched.remove();
    }

    private void read(Connection connection, String sql, String[] ids, Map<String, History> histories,
                      boolean snapshots) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    DomainEventData<?> data = snapshots ? getSnapshotData(rows) : getDomainEventData(rows);
                    History history = histories.get(data.getAggregateIdentifier());
                    (snapshots ? history.snapshots() : history.events()).add(data);
                }
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        History history = held(aggregateIdentifier);
        return history == null ? super.readSnapshotData(aggregateIdentifier) : history.snapshots().stream();
    }

    /**
     * Serves a prefetched history once (the engine reads snapshots first, then events from the
     * snapshot's sequence on, then once more to find the end), dropping it as it does.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                  int batchSize) {
        Map<String, History> histories = prefetched.get();
        History history = histories == null ? null : histories.remove(aggregateIdentifier);
        if (history == null) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        if (history == END) {
            return List.of();
        }
        List<DomainEventData<?>> from = new ArrayList<>(history.events().size());
        for (DomainEventData<?> event : history.events()) {
            if (event.getSequenceNumber() >= firstSequenceNumber) {
                from.add(event);
            }
        }
        if (fetchForAggregateUntilEmpty() || from.size() >= batchSize) {
            // the engine asks again from the next sequence (the JDBC engine always does, until a batch
            // comes back empty): the end of the history answers it, then is dropped in turn
            histories.put(aggregateIdentifier, END);
        }
        return from;
    }

    private History held(String aggregateIdentifier) {
        Map<String, History> histories = prefetched.get();
        return histories == null ? null : histories.get(aggregateIdentifier);
    }
}
