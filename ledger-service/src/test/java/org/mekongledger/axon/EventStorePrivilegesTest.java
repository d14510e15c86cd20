package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiTestBase;
import org.mekongledger.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service's database role appends to the event store and reads it, and can change nothing in
 * it: even a bug or an injected statement cannot rewrite a worker's recorded contributions.
 */
class EventStorePrivilegesTest extends ApiTestBase {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String MUST_BE_OWNER = "42501";

    @Autowired
    DataSource dataSource;

    @Test
    void theServiceRunsAsItsOwnRoleNotAsTheOwnerOfTheTables() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(TestDatabases.RUNTIME_USER);
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'domain_event_entry'",
                String.class)).isNotEqualTo(TestDatabases.RUNTIME_USER);
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
    }

    @Test
    void eventsAreAppendedAndReadButNeverUpdatedDeletedOrTruncated() throws SQLException {
        registerEmployer(); // the service appends events as this role
        long events = eventCount();
        assertThat(events).isPositive();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // INSERT and SELECT work (rolled back: no stray event for the processors)
                assertThat(statement.executeUpdate("""
                        insert into domain_event_entry (event_identifier, payload, payload_type, time_stamp,
                            aggregate_identifier, sequence_number, type)
                        values ('privileges-test', '\\x00', 'test', '2026-11-25T00:00:00Z', 'privileges-test', 0, 'Test')""")).isEqualTo(1);
                try (var rows = statement.executeQuery("select count(*) from domain_event_entry")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(events + 1);
                }
            } finally {
                connection.rollback();
            }
            connection.setAutoCommit(true);

            refused(connection, "update domain_event_entry set payload_type = 'forged'", INSUFFICIENT_PRIVILEGE);
            refused(connection, "update domain_event_entry set payload_type = 'forged' where false", INSUFFICIENT_PRIVILEGE);
            refused(connection, "delete from domain_event_entry", INSUFFICIENT_PRIVILEGE);
            refused(connection, "delete from domain_event_entry where global_index = -1", INSUFFICIENT_PRIVILEGE);
            refused(connection, "truncate domain_event_entry", INSUFFICIENT_PRIVILEGE);
            refused(connection, "select * from domain_event_entry for update", INSUFFICIENT_PRIVILEGE);
            refused(connection, "update snapshot_event_entry set payload_type = 'forged'", INSUFFICIENT_PRIVILEGE);
            // a snapshot is a cache of the events: storing a newer one deletes the older (V22)
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("delete from snapshot_event_entry where false")).isZero();
            }
            refused(connection, "update rule_set_version set parameters = '{}'", INSUFFICIENT_PRIVILEGE);
            refused(connection, "delete from rule_set_version", INSUFFICIENT_PRIVILEGE);
            refused(connection, "drop table domain_event_entry", MUST_BE_OWNER);
            refused(connection, "alter table domain_event_entry disable trigger all", MUST_BE_OWNER);
            refused(connection, "create table forged_events (id int)", INSUFFICIENT_PRIVILEGE);
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(read("/api/v1/ledger/trial-balance").status()).isEqualTo(200);
        // the owner may (a test that injects a fault uses this)
        assertThat(owner().update("update domain_event_entry set payload_type = payload_type where false")).isZero();
    }

    @Test
    void theProjectionsAndRegistersStillDoTheirWorkAsThatRole() {
        String employer = registerEmployer();
        String worker = registerWorker("KHM");

        assertThat(file(employer, "2025-06", worker, "15000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + worker + "/ledger",
                r -> r.status() == 200 && r.json().path("entries").path("totalEntries").asLong() == 1);
        assertThat(api.post("/api/v1/employers", ADMIN, ADMIN_PW, Map.of("employerAccount", employer, "name", "Again"))
                .status()).isEqualTo(409);
    }

    private static void refused(Connection connection, String sql, String sqlState) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql).isEqualTo(sqlState));
    }
}
