package org.mekongledger.settlement.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL server (LEDGER_TEST_DB_URL, default 127.0.0.1:5432 as
 * postgres) for one test: the service keeps its tables in schema {@code ledger}, the batch in
 * {@code settlement}, so both live in it side by side as deployed. Dropped at close.
 */
final class FreshDatabase implements AutoCloseable {

    private static final String PREFIX = "settle_it_";

    final String name;
    final String serverUrl;
    final String user;
    final String password;

    private FreshDatabase(String name, String serverUrl, String user, String password) {
        this.name = name;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    static FreshDatabase create(String purpose) {
        String server = System.getenv().getOrDefault("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("LEDGER_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", "");
        String name = PREFIX + System.currentTimeMillis() / 1000 + "_" + purpose.toLowerCase(Locale.ROOT)
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server, e);
        }
        return new FreshDatabase(name, server, user, password);
    }

    /** The JDBC URL of this database (batched inserts rewritten, as the service is deployed). */
    String url() {
        String base = serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
        return base.substring(0, base.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true";
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url(), user, password);
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (Boolean.getBoolean("settlement.it.keep-databases")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException leftForInspection) {
            // a later run may drop it; nothing a test depends on
        }
    }
}
