package org.mekongledger.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * events); {@link #prefetch} reads them all in two queries for the thread's next loads: the
 * snapshots, then only the events after each account's newest snapshot. Each prefetched history
 * serves one load and is then dropped, so later loads read the store again; so does a load that
 * asks for events before what was read (its snapshot was refused, say, and it replays them all).
 * <p>
 * A history read here can only be as stale as one read by the load itself: an event appended by
 * someone else in between makes the command's append collide on (aggregate, sequence number), the
 * same lost race as always, retried by {@link LedgerCommands} with a fresh read.
 */
class PrefetchingEventStorageEngine extends CompactGapsEventStorageEngine {

    /** Per thread: the histories read ahead and not yet loaded, by aggregate id. */
    private final ThreadLocal<Map<String, History>> prefetched = new ThreadLocal<>();

    /** @param from the first sequence number read: the events before it were not */
    private record History(List<DomainEventData<?>> events, List<DomainEventData<?>> snapshots, long from) {
    }

    /** What a served history leaves for the engine's next ask: the end of it. */
    private static final History END = new History(List.of(), List.of(), 0);

    PrefetchingEventStorageEngine(Builder builder) {
        super(builder);
    }

    /** Reads the aggregates' histories for this thread's next loads, until {@link #forget}. */
    void prefetch(Collection<String> aggregateIds) {
        String[] ids = aggregateIds.stream().distinct().toArray(String[]::new);
        Map<String, List<DomainEventData<?>>> snapshots = new HashMap<>(ids.length * 2);
        Map<String, List<DomainEventData<?>>> events = new HashMap<>(ids.length * 2);
        for (String id : ids) {
            snapshots.put(id, new ArrayList<>(1));
            events.put(id, new ArrayList<>());
        }
        Connection connection = getConnection();
        try {
            Long[] whole = new Long[ids.length];
            Arrays.fill(whole, -1L);
            readEach(connection, schema().snapshotTable(), ids, whole, snapshots, true);
            Long[] after = new Long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                after[i] = snapshots.get(ids[i]).stream().mapToLong(DomainEventData::getSequenceNumber).max().orElse(-1);
            }
            readEach(connection, schema().domainEventTable(), ids, after, events, false);
            Map<String, History> histories = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                List<DomainEventData<?>> itsSnapshots = snapshots.get(ids[i]);
                List<DomainEventData<?>> itsEvents = events.get(ids[i]);
                // snapshots newest first, as the engine's own read gives them; events in sequence
                itsSnapshots.sort(BY_SEQUENCE.reversed());
                itsEvents.sort(BY_SEQUENCE);
                histories.put(ids[i], new History(itsEvents, itsSnapshots, after[i] + 1));
            }
            prefetched.set(histories);
        } catch (SQLException failed) {
            throw new EventStoreException("reading the histories of " + ids.length + " aggregates failed", failed);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    /**
     * The rows of each wanted aggregate after the given sequence number, looked up one aggregate at a
     * time in the (aggregate, sequence) index. Asked as {@code aggregate_identifier = any(?)},
     * PostgreSQL estimated a thousand accounts at 1% of the event table and scanned all of it (590 ms
     * a chunk against 65 ms by the index, 100,000 accounts); {@code offset 0} keeps it from turning
     * the lookups back into a join it would plan the same way. Unordered: sorting a thousand
     * accounts' wide rows cost more than reading them (56 ms against 24 ms, warm); each history is
     * put in order here.
     */
    private void readEach(Connection connection, String table, String[] ids, Long[] after,
                          Map<String, List<DomainEventData<?>>> byAggregate, boolean snapshots) throws SQLException {
        String sql = "select " + domainEventFields()
                + " from unnest(cast(? as varchar[]), cast(? as bigint[])) as wanted(id, after)"
                + " cross join lateral (select * from " + table + " where " + schema().aggregateIdentifierColumn()
                + " = wanted.id and " + schema().sequenceNumberColumn() + " > wanted.after offset 0) as stored";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids));
            statement.setArray(2, connection.createArrayOf("bigint", after));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    DomainEventData<?> data = snapshots ? getSnapshotData(rows) : getDomainEventData(rows);
                    byAggregate.get(data.getAggregateIdentifier()).add(data);
                }
            }
        }
    }

    private static final Comparator<DomainEventData<?>> BY_SEQUENCE =
            Comparator.comparingLong(DomainEventData::getSequenceNumber);

    /** Drops whatever this thread prefetched and did not load. */
    void forget() {
        prefetched.remove();
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
        if (history == null || (history != END && firstSequenceNumber < history.from())) {
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
