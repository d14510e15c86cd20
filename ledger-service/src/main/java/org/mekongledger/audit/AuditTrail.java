package org.mekongledger.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.mekongledger.security.Officer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records which worker's personal data an embassy officer read. Called on every read of a worker
 * (by id, in a list, a ledger, entitlements, a claim), whoever reads: only embassy officers' reads
 * are recorded, so the policy lives here and not at each caller. Recorded in the request, before
 * its answer is sent: a read that cannot be recorded fails rather than goes unrecorded.
 */
@Component
public class AuditTrail {

    /** The action of a read entry. */
    public static final String READ_ACTION = "PersonalDataRead";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param what the path read, e.g. /api/v1/workers/{id}/ledger (no query parameters, no personal data)
     */
    public void recordRead(Officer officer, String workerId, String what) {
        recordReads(officer, List.of(workerId), what);
    }

    /** One entry per worker read (a list or a look-up returning several). */
    public void recordReads(Officer officer, Collection<String> workerIds, String what) {
        if (officer.limitedTo().isEmpty() || workerIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                        insert into audit_entry (kind, occurred_at, actor, action, worker_id, path)
                        values ('READ', ?, ?, ?, ?, ?)""",
                workerIds.stream().map(workerId -> new Object[] {at, officer.name(), READ_ACTION, workerId, what})
                        .toList());
    }
}
