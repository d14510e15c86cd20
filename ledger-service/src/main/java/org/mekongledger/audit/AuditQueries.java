package org.mekongledger.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail, newest first, filtered by what the auditor asks. */
@Component
class AuditQueries {

    /** An entry as stored. */
    record Entry(String kind, Instant at, String actor, String action, String workerId, String subjectId,
                 String eventId, String path) {
    }

    /** What to list; each null filter matches everything. {@code to} is exclusive. */
    record Filter(String workerId, String actor, Instant from, Instant to) {
    }

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> page(Filter filter, int page, int size) {
        StringBuilder sql = new StringBuilder("""
                select kind, occurred_at, actor, action, worker_id, subject_id, event_id, path
                from audit_entry where true""");
        List<Object> params = new ArrayList<>();
        if (filter.workerId() != null) {
            sql.append(" and worker_id = ?");
            params.add(filter.workerId());
        }
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            params.add(filter.actor());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by occurred_at desc, entry_id desc limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params)
                .query((row, n) -> new Entry(row.getString("kind"), row.getTimestamp("occurred_at").toInstant(),
                        row.getString("actor"), row.getString("action"), row.getString("worker_id"),
                        row.getString("subject_id"), row.getString("event_id"), row.getString("path")))
                .list();
    }
}
