package org.mekongledger.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.mekongledger.support.TestDatabases;

/**
 * The test's own view of a service's database, straight to PostgreSQL (never through the proxy):
 * what was recorded, whether every contribution event has exactly one journal entry, and the
 * service's connections to terminate.
 */
final class LedgerDatabase {

    private final TestDatabases.Database database;
    private final String name;

    LedgerDatabase(TestDatabases.Database database) {
        this.database = database;
        String path = database.url().substring(0, database.url().indexOf('?'));
        this.name = path.substring(path.lastIndexOf('/') + 1);
    }

    TestDatabases.Database database() {
        return database;
    }

    String name() {
        return name;
    }

    /** The database URL with its host and port replaced, e.g. to route it through a {@link PostgresProxy}. */
    String urlVia(int port) {
        return database.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long events(String payloadType) {
        return count("select count(*) from domain_event_entry where payload_type like ?", "%." + payloadType);
    }

    /** ContributionsFiled events of one employer (each test files for employers of its own). */
    long filingsOf(String employerAccount) {
        return count("""
                select count(*) from domain_event_entry where payload_type like '%.ContributionsFiled'
                and convert_from(payload, 'UTF8') like ?""", "%\"" + employerAccount + "\"%");
    }

    /** ContributionRecorded events of one employer: 0 or every line of its filing, never a part. */
    long contributionsOf(String employerAccount) {
        return count("""
                select count(*) from domain_event_entry where payload_type like '%.ContributionRecorded'
                and convert_from(payload, 'UTF8') like ?""", "%\"" + employerAccount + "\"%");
    }

    long contributionEvents() {
        return events("ContributionRecorded") + events("ContributionReversed");
    }

    long journalEntries() {
        return count("select count(*) from ledger_entry");
    }

    /** Contribution events with no journal entry, plus journal entries booked more than once. */
    long journalDifferences() {
        return count("""
                select count(*) from domain_event_entry e
                where (e.payload_type like '%.ContributionRecorded' or e.payload_type like '%.ContributionReversed')
                and not exists (select 1 from ledger_entry l where l.event_id = e.event_identifier)""")
                + count("select count(*) - count(distinct event_id) from ledger_entry");
    }

    /** True once the ledger projection has booked every contribution event exactly once. */
    boolean journalCaughtUp() {
        return journalDifferences() == 0 && journalEntries() == contributionEvents();
    }

    /** pg_terminate_backend on every connection the services hold to this database; how many were ended. */
    long terminateServiceConnections() {
        return count("""
                select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
                where datname = ? and pid <> pg_backend_pid()) terminated""", name);
    }

    /** Whether a service connection is running an INSERT into the event table right now. */
    boolean appendingEvents() {
        return count("""
                select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()
                and state = 'active' and query ilike 'insert into domain_event_entry%'""", name) > 0;
    }

    /**
     * Whether a service connection is inside a transaction that has written (holds a transaction id)
     * and is not a tracking processor moving its token: a command's change, not yet committed.
     */
    boolean writingAChange() {
        return count("""
                select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()
                and backend_xid is not null and query not ilike '%token_entry%'""", name) > 0;
    }

    private Connection connect() throws SQLException {
        String separator = database.url().contains("?") ? "&" : "?";
        return DriverManager.getConnection(database.url() + separator + "currentSchema=ledger",
                database.ownerUsername(), database.ownerPassword()); // checks and faults need the owner's reach
    }
}
