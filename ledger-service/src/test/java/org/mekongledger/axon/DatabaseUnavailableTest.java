package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The chains seen when the database restarted under load, and look-alikes that are real defects. */
class DatabaseUnavailableTest {

    @Test
    void recognisesAnOutageHoweverDeeplyItIsWrapped() {
        SQLException reset = new SQLException("An I/O error occurred", "08006", new EOFException());
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no tx",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("append failed",
                new BatchUpdateException("batch", "08006", new int[0], reset)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("failed",
                new JdbcException("read", new SQLException("Connection is closed"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("none"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("terminated",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aRefusalOrADefectIsNotAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("syntax", new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("odd", new SQLException("something else"))))
                .isFalse();
    }
}
