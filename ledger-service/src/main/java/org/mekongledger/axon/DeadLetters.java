package org.mekongledger.axon;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events a projection could not handle, kept in PostgreSQL (table dead_letter_entry, created by
 * Flyway) with the reason, so the projection goes on and an operator can see and retry them.
 */
@Component
public class DeadLetters {

    /** Axon's default names are camelCase; our migration uses snake_case. */
    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    private final DataSource dataSource;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final JdbcClient jdbc;

    DeadLetters(DataSource dataSource, TransactionManager axonTransactionManager, Serializer axonSerializer,
                JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.transactionManager = axonTransactionManager;
        this.serializer = axonSerializer;
        this.jdbc = jdbc;
    }

    SequencedDeadLetterQueue<EventMessage<?>> queueFor(String processingGroup) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactionManager)
                .schema(SCHEMA)
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build();
    }

    /**
     * A poison event is dead-lettered; a database out of reach is no fault of the event: the failure
     * is thrown on, so the batch rolls back and is retried once the database is back, instead of
     * parking every event of the outage (and missing their journal entries until someone retries).
     */
    static EnqueueDecision<EventMessage<?>> unlessDatabaseUnavailable(DeadLetter<? extends EventMessage<?>> letter,
                                                                     Throwable cause) {
        if (DatabaseUnavailable.causedBy(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        return Decisions.enqueue(cause);
    }

    /** Dead letters waiting, per processing group (one query for all groups). */
    public java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select processing_group, count(*) from dead_letter_entry group by processing_group")
                .query((row, n) -> counts.put(row.getString(1), row.getLong(2)))
                .list();
        return counts;
    }
}
