package org.mekongledger.ledger;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Announces to every replica that a worker's recorded history changed: PostgreSQL delivers a
 * NOTIFY on this channel when (and only if) the transaction that sent it commits.
 */
public final class WorkerChanges {

    /** Channel of the announcements; the payload is one worker id (never personal data). */
    public static final String CHANNEL = "ledger_worker_changed";

    private WorkerChanges() {
    }

    /** Inside the transaction that changed the workers' histories. */
    public static void announce(JdbcTemplate jdbc, Collection<String> workerIds) {
        if (workerIds.isEmpty()) {
            return;
        }
        jdbc.query("select pg_notify(?, worker_id) from unnest(?::text[]) as worker_id",
                rows -> { }, CHANNEL, workerIds.toArray(String[]::new));
    }
}
