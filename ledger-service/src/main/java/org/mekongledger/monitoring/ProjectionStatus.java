package org.mekongledger.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mekongledger.axon.DeadLetters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each projection is behind the event store, and how many events it gave up on. Lag is
 * read per segment from the token table (every replica's segments, whoever owns them): the head
 * global index minus the token's position. Running and error state are this replica's processors.
 */
@Component
public class ProjectionStatus {

    public record Segment(int segment, long position, long lag, String owner) {
    }

    public record Processor(String name, boolean streaming, boolean running, boolean error, String errorType,
                            List<Segment> segments, long deadLetters) {

        public long lag() {
            return segments.stream().mapToLong(Segment::lag).max().orElse(0);
        }
    }

    public record Snapshot(long head, List<Processor> processors, Instant takenAt) {
    }

    /** Metrics are scraped often; the database is asked at most this often on their behalf. */
    private static final Duration REUSE = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot recent;

    ProjectionStatus(EventProcessingConfiguration processing, DeadLetters deadLetters, JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh reading (health). */
    public Snapshot now() {
        long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        Map<String, List<Segment>> segments = new TreeMap<>();
        jdbc.sql("""
                        select processor_name, segment, owner,
                               coalesce((j ->> 'index')::bigint, (j -> 'currentToken' ->> 'index')::bigint, 0) as position
                        from (select processor_name, segment, owner,
                                     case when token is null then null else convert_from(token, 'UTF8')::jsonb end as j
                              from token_entry) tokens
                        order by processor_name, segment""")
                .query((row, n) -> segments.computeIfAbsent(row.getString("processor_name"), name -> new ArrayList<>())
                        .add(new Segment(row.getInt("segment"), row.getLong("position"),
                                Math.max(0, head - row.getLong("position")), row.getString("owner"))))
                .list();
        Map<String, Long> dead = deadLetters.counts();
        List<Processor> processors = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry : new TreeMap<>(processing.eventProcessors()).entrySet()) {
            processors.add(processor(entry.getKey(), entry.getValue(), segments.getOrDefault(entry.getKey(), List.of()),
                    dead.getOrDefault(entry.getKey(), 0L)));
        }
        Snapshot snapshot = new Snapshot(head, List.copyOf(processors), clock.instant());
        recent = snapshot;
        return snapshot;
    }

    /** A reading at most a few seconds old (metrics). */
    public Snapshot recent() {
        Snapshot known = recent;
        if (known != null && known.takenAt().plus(REUSE).isAfter(clock.instant())) {
            return known;
        }
        return now();
    }

    private static Processor processor(String name, EventProcessor processor, List<Segment> segments, long deadLetters) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new Processor(name, false, processor.isRunning(), processor.isError(), null, List.of(), deadLetters);
        }
        String errorType = null;
        for (EventTrackerStatus status : streaming.processingStatus().values()) {
            if (status.isErrorState() && status.getError() != null) {
                errorType = status.getError().getClass().getSimpleName();
            }
        }
        boolean error = streaming.isError() || errorType != null;
        return new Processor(name, true, streaming.isRunning(), error, errorType, List.copyOf(segments), deadLetters);
    }
}
