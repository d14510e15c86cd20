package org.mekongledger.assessment;

import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.api.InsurancePeriodCredited;
import org.mekongledger.api.LifeEventRecorded;
import org.mekongledger.ledger.WorkerChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps each worker's life events and partner-credited periods for the entitlement engine. */
@Component
@ProcessingGroup("directory")
class WorkerHistoryProjection {

    private final JdbcTemplate announcements;
    private final JdbcClient jdbc;

    WorkerHistoryProjection(JdbcClient jdbc, JdbcTemplate announcements) {
        this.jdbc = jdbc;
        this.announcements = announcements;
    }

    @EventHandler
    void on(LifeEventRecorded event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(LedgerCommands.ACTOR) String actor) {
        jdbc.sql("""
                        insert into worker_life_event (event_id, worker_id, type, event_date, country, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, event.workerId(), event.type().name(), event.date(), event.country(),
                        Timestamp.from(at), actor)
                .update();
        // every replica's cache, this one's included, forgets the worker once this commits
        WorkerChanges.announce(announcements, java.util.List.of(event.workerId()));
    }

    @EventHandler
    void on(InsurancePeriodCredited event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        insert into worker_insurance_period (event_id, worker_id, scheme, from_period, to_period, source,
                            recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, event.workerId(), event.scheme(), event.from().toString(), event.to().toString(),
                        event.source(), Timestamp.from(at))
                .update();
        // every replica's cache, this one's included, forgets the worker once this commits
        WorkerChanges.announce(announcements, java.util.List.of(event.workerId()));
    }
}
