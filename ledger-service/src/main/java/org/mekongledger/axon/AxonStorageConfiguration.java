package org.mekongledger.axon;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Events and tokens in PostgreSQL through plain JDBC. Under Boot 4 Axon's JDBC auto-configuration
 * does not create these, so they are defined here; Flyway owns the tables (bytea columns).
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    /** Axon's default names are camelCase; our migrations use PostgreSQL's snake_case. */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /** Jackson 2 for Axon (records, java.time); the web layer uses Boot's Jackson 3 separately. */
    @Bean
    @Primary
    Serializer axonSerializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper(new JsonFactory())).build();
    }

    /**
     * How events (and the records aggregates keep) are written: records and java.time as ISO text.
     * The factory is the caller's: snapshots read theirs without interning field names.
     */
    static ObjectMapper eventMapper(JsonFactory json) {
        return new ObjectMapper(json)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer axonSerializer) {
        return axonSerializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer axonSerializer) {
        return axonSerializer;
    }

    /**
     * A command joins the transaction of a keyed request (the idempotency record commits with the
     * change) as a savepoint, so a refused command rolls back its own work and leaves the request's
     * transaction usable; without an outer transaction (projections, unkeyed requests) it is a new one.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SavepointTransactionManager(transactionManager);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /**
     * Gap settings sized from the largest transaction and the pool. Global indexes are taken when a
     * transaction inserts its events but become visible at commit, so the projections see a gap
     * until the filing commits. The largest transaction is a 5,000-line filing or its reversal
     * (FilingIntake: one ContributionRecorded/WelfareFeeRecorded or ContributionReversed per line
     * plus the filing's own event = 5,001). Every pooled connection may be appending one at once,
     * and may finish and start another before the oldest commits: the window of indexes a late
     * commit must stay inside (maxGapOffset) is pool size x largest transaction x 2
     * (16 x 5,001 x 2 = 160,032). Axon gives a gap up only when an event after it is older than the
     * gap timeout (at read, and when a token holds more gaps than the cleaning threshold, two largest
     * filings in flight); 120 s is far longer than any filing transaction (seconds at 5,000 lines).
     * <p>
     * Memory stays bounded after crashes: indexes a crashed or severed transaction took are never
     * filled, but a token keeps no gap more than maxGapOffset behind its position, and gaps whose
     * following events are older than the timeout are dropped (when an older event is read, or when
     * a token holds more gaps than the threshold), so a token holds at most G = 160,032 gaps.
     * Every event in flight carries a token: a pooled processor queues up to 1,024 events per
     * segment plus its batch, and the event store's tail cache up to 10,000. With Axon's own tokens
     * (a tree entry of 40 bytes per gap, copied per event) that was events in flight x G x 40 bytes:
     * 2,464 copies of 10,002 gaps (985 MB) were measured live (GapMemoryTest). The engine keeps gaps
     * as runs ({@link CompactGapsEventStorageEngine}): events in flight x (runs x 16 bytes + 100)
     * + G x 40 bytes per reading thread (the one transient tree Axon builds per event read); a
     * killed filing is one run, and tokens with unchanged gaps share one set. A run ends only where
     * an index was committed, so runs are at most G / 2 + 1 (80,017, were every other index of a
     * full window missing); in practice one per transaction in flight or crashed (measured: 461 KB
     * of gap trees at the peak with 2,934 tokens live and 10,002 crash gaps).
     */
    @Bean
    PrefetchingEventStorageEngine eventStorageEngine(Serializer axonSerializer, DataSource dataSource,
                                          TransactionManager axonTransactionManager,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          AxonSettings settings) throws SQLException {
        int poolSize = poolSize(dataSource);
        int largestTransaction = settings.axon().gaps().largestTransaction();
        Duration gapTimeout = settings.axon().gaps().timeout();
        return new PrefetchingEventStorageEngine(JdbcEventStorageEngine.builder()
                .maxGapOffset(maxGapOffset(poolSize, largestTransaction))
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .gapCleaningThreshold(2 * largestTransaction)
                // gaps as one array parameter: an IN list of 80,000 gaps passes PostgreSQL's bind limit
                .readEventDataWithGaps(AxonStorageConfiguration::readEventDataWithGaps)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(axonTransactionManager)
                .eventSerializer(axonSerializer)
                .snapshotSerializer(AggregateSnapshots.serializer())
                .snapshotFilter(AggregateSnapshots.currentShape())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .dataType(byte[].class)
                .schema(EVENT_SCHEMA));
    }

    /**
     * The connection pool's own size ({@code spring.datasource.hikari.maximum-pool-size}): the gap
     * window must cover the transactions the pool can really hold open, whatever configured it.
     */
    static int poolSize(DataSource dataSource) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException("the gap window is sized from the Hikari pool, but the data source is "
                    + dataSource.getClass().getName());
        }
        return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    }

    static int maxGapOffset(int poolSize, int largestTransaction) {
        return Math.multiplyExact(Math.multiplyExact(poolSize, largestTransaction), 2);
    }

    private static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                           int batchSize, List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select " + schema.trackedEventFields()
                + " from " + schema.domainEventTable()
                + " where (" + schema.globalIndexColumn() + " > ? and " + schema.globalIndexColumn() + " <= ?)"
                + " or " + schema.globalIndexColumn() + " = any (?)"
                + " order by " + schema.globalIndexColumn() + " asc");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        statement.setArray(3, connection.createArrayOf("bigint", gaps.toArray()));
        return statement;
    }

    /**
     * Who holds a projection segment (token_entry.owner). Axon's default is the JVM's name, pid@host,
     * which two replicas share when they run in one JVM or in containers that both run as pid 1 on
     * one host name: each then takes the other's segments as its own, both process every event of
     * them and both commit, and the ledger books it twice. A random part makes every replica (and
     * every start) an owner of its own; the JVM's name stays for operators reading the table.
     */
    static String tokenOwner() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    TokenStore tokenStore(Serializer axonSerializer, DataSource dataSource) {
        return JdbcTokenStore.builder()
                .nodeId(tokenOwner())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(axonSerializer)
                .contentType(byte[].class)
                .schema(TOKEN_SCHEMA)
                .build();
    }
}
