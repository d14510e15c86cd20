package org.mekongledger.ledger;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the event store with the journal: every event that books an entry (a contribution, a fee,
 * their reversals; a claim's approval, payment and failure) must have exactly one journal entry of
 * its kind, and every entry its event. Computed in SQL (event payloads are
 * JSON in bytea), both queries in one repeatable-read snapshot so they agree with each other.
 */
@Component
public class JournalReconciliation {

    public record Count(String eventType, String entryKind, long events, long entries) {
    }

    public record Difference(String eventId, String eventType, String entryKind, String filingId, String claimId,
                             String workerId, boolean eventStored, long entriesFound) {
    }

    public record Result(List<Count> counts, long differenceCount, List<Difference> differences) {

        public boolean balanced() {
            return differenceCount == 0;
        }
    }

    /**
     * Each journalled event type (from the kinds of line the journal books), the kind of line it
     * books and the kind of its entry; then events and entries side by side.
     */
    private static final String COMPARED = """
            with journalled (payload_type, journal, kind) as (values %s),
            events as (
                select e.event_identifier as event_id, j.journal, j.kind,
                       convert_from(e.payload, 'UTF8')::jsonb as payload
                from domain_event_entry e join journalled j on j.payload_type = e.payload_type
            ),
            entries as (
                select event_id, line_kind as journal, kind, count(*) as found,
                       min(filing_id) as filing_id, min(claim_id) as claim_id, min(worker_id) as worker_id
                from ledger_entry group by event_id, line_kind, kind
            ),
            compared as (
                select coalesce(ev.event_id, en.event_id) as event_id,
                       coalesce(ev.journal, en.journal) as journal,
                       coalesce(ev.kind, en.kind) as kind,
                       coalesce(ev.payload ->> 'filingId', en.filing_id) as filing_id,
                       coalesce(ev.payload ->> 'claimId', en.claim_id) as claim_id,
                       coalesce(ev.payload ->> 'workerId', en.worker_id) as worker_id,
                       ev.event_id is not null as event_stored,
                       coalesce(en.found, 0) as found
                from events ev
                full join entries en on en.event_id = ev.event_id and en.journal = ev.journal and en.kind = ev.kind
            )
            """.formatted(String.join(", ", LineKinds.ALL.stream()
            .flatMap(line -> line.journalled().stream().map(event -> journalled(event.event(), line, event.kind())))
            .toList()));

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    JournalReconciliation(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public Result reconcile(int limit) {
        return snapshot.execute(status -> {
            List<Count> counts = jdbc.sql(COMPARED + """
                            select journal, kind, count(*) filter (where event_stored) as events, sum(found) as entries
                            from compared group by journal, kind order by journal desc, kind""")
                    .query((row, n) -> new Count(eventType(row.getString("journal"), row.getString("kind")),
                            row.getString("kind"), row.getLong("events"), row.getLong("entries")))
                    .list();
            long differenceCount = jdbc.sql(COMPARED + "select count(*) from compared where not event_stored or found <> 1")
                    .query(Long.class).single();
            List<Difference> differences = jdbc.sql(COMPARED + """
                            select * from compared where not event_stored or found <> 1
                            order by event_id limit ?""")
                    .param(limit)
                    .query((row, n) -> new Difference(row.getString("event_id"),
                            eventType(row.getString("journal"), row.getString("kind")), row.getString("kind"),
                            row.getString("filing_id"), row.getString("claim_id"), row.getString("worker_id"),
                            row.getBoolean("event_stored"),
                            row.getLong("found")))
                    .list();
            return new Result(counts, differenceCount, differences);
        });
    }

    private static String journalled(Class<?> event, LineKind line, EntryKind kind) {
        return "('" + event.getName() + "', '" + line.name() + "', '" + kind.name() + "')";
    }

    /** The event type that books entries of this kind of line and entry. */
    private static String eventType(String journal, String kind) {
        LineKind line = LineKinds.ALL.stream().filter(candidate -> candidate.name().equals(journal)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the journal holds an entry of unknown line kind " + journal));
        return line.eventOf(EntryKind.valueOf(kind)).getSimpleName();
    }
}
