package org.mekongledger.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for each test class: in a Testcontainers PostgreSQL when a Docker
 * engine is reachable, otherwise on the server named by LEDGER_TEST_DB_URL (default the local one).
 */
public final class TestDatabases {

    /**
     * A database and its two users: {@code username} is the service's runtime role (it may only
     * append to and read the event store), {@code ownerUsername} the owner Flyway runs as.
     */
    public record Database(String url, String username, String password, String ownerUsername, String ownerPassword) {

        /** The same as command-line arguments, for a service started by a test. */
        public java.util.List<String> springArguments() {
            return java.util.List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                    "--spring.datasource.password=" + password, "--spring.flyway.user=" + ownerUsername,
                    "--spring.flyway.password=" + ownerPassword);
        }
    }

    /** The service's role in tests; migration V13 creates it on the server if absent. */
    public static final String RUNTIME_USER = "ledger_app";
    /** Used where the server checks passwords (Testcontainers); the local server trusts. */
    private static final String RUNTIME_PASSWORD = "ledger-app-test";

    private static final String PREFIX = "ledger_test_";
    private static PostgreSQLContainer container;
    private static boolean staleDropped;
    /** Dropped when the test JVM ends: by then every test class has closed its application context. */
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

    private TestDatabases() {
    }

    public static synchronized Database fresh(Class<?> testClass) {
        Database server = server();
        String name = PREFIX + System.currentTimeMillis() / 1000 + "_"
                + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            if (!staleDropped) {
                dropStale(connection);
                staleDropped = true;
            }
            statement.execute("create database " + name);
            if (CREATED.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
            }
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server.url(), e);
        }
        return new Database(withDatabase(server.url(), name) + "?reWriteBatchedInserts=true", RUNTIME_USER,
                RUNTIME_PASSWORD, server.username(), server.password());
    }

    private static Database server() {
        if (container == null && dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
        }
        if (container != null) {
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    container.getUsername(), container.getPassword());
        }
        String url = System.getenv().getOrDefault("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("LEDGER_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", "");
        return new Database(url, user, password, user, password);
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("LEDGER_TEST_DOCKER"))) {
            return false;
        }
        // without a socket or DOCKER_HOST there is no engine to find: Testcontainers' own search
        // would take most of a minute per test JVM (each reliability class has its own)
        String home = System.getProperty("user.home");
        String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        boolean engineNamed = System.getenv("DOCKER_HOST") != null
                || java.util.stream.Stream.of("/var/run/docker.sock", home + "/.docker/run/docker.sock",
                                runtime + "/docker.sock", home + "/.testcontainers.properties")
                        .anyMatch(path -> java.nio.file.Files.exists(java.nio.file.Path.of(path)));
        if (!engineNamed) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    /**
     * Databases left by earlier runs on a shared server (a killed run cannot clean up after itself).
     * Only those created more than a day ago, by the timestamp in their name: another run may be
     * using newer ones right now.
     */
    private static void dropStale(Connection connection) throws SQLException {
        long dayAgo = System.currentTimeMillis() / 1000 - 24 * 3600;
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_", 2);
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < dayAgo) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name);
            } catch (SQLException inUse) {
                // still in use by someone; leave it
            }
        }
    }

    private static synchronized void dropCreated() {
        if (container != null) {
            return; // the container goes with the JVM
        }
        Database server = server();
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            // left for a later run's sweep of day-old test databases
        }
    }

    private static String withDatabase(String url, String database) {
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }
}
