package org.mekongledger.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets keyed requests' answers after {@code ledger.idempotency.retention}, by the database's
 * clock (the one that stamped them), so replicas with drifting clocks agree on what expired.
 */
@Component
public class IdempotencyRecordPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecordPurge.class);
    private final JdbcClient jdbc;
    private final IdempotencySettings settings;

    IdempotencyRecordPurge(JdbcClient jdbc, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Deletes the expired answers; returns how many. */
    @Scheduled(fixedDelayString = "${ledger.idempotency.purge-interval}",
            initialDelayString = "${ledger.idempotency.purge-interval}")
    public int purge() {
        int purged = jdbc.sql("delete from idempotency_record where created_at < now() - make_interval(secs => ?)")
                .param((double) settings.retention().toSeconds())
                .update();
        if (purged > 0) {
            log.info("Purged {} idempotency record(s) older than {}", purged, settings.retention());
        }
        return purged;
    }
}
