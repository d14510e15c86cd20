package org.mekongledger.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The service's own PostgreSQL: started only when no URL is configured and nothing answers, with
 * its data kept in its folder across restarts, fsync and synchronous commit on.
 */
class FallbackDatabaseTest {

    /** How the packaged application.yml appears among the property sources. */
    private static final String PACKAGED = "Config resource 'class path resource [application.yml]' via location"
            + " 'optional:classpath:/'";
    private static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/postgres?reWriteBatchedInserts=true";

    @TempDir
    Path root;

    private final FallbackDatabase fallback = new FallbackDatabase();

    @AfterEach
    void stop() {
        fallback.stop();
    }

    @Test
    void withNoUrlConfiguredAndNothingAnsweringItStartsADurablePostgresThatKeepsItsData() throws Exception {
        Path data = root.resolve("ledger-data/postgres");
        StandardEnvironment first = environment(closedPort(), data);

        fallback.prepare(first);

        String url = first.getProperty("spring.datasource.url");
        assertThat(url).isNotEqualTo(DEFAULT_URL).startsWith("jdbc:postgresql://localhost:");
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement()) {
            assertThat(setting(s, "show fsync")).isEqualTo("on");
            assertThat(setting(s, "show synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "show server_version")).startsWith("17.");
            assertThat(setting(s, "show data_directory")).isEqualTo(data.toAbsolutePath().toString());
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('accepted')");
        }
        fallback.stop();

        // started again on the same folder: the data is still there
        StandardEnvironment second = environment(closedPort(), data);
        fallback.prepare(second);
        try (Connection c = DriverManager.getConnection(second.getProperty("spring.datasource.url"), "postgres", "");
             Statement s = c.createStatement()) {
            assertThat(setting(s, "select v from kept")).isEqualTo("accepted");
        }
    }

    @Test
    void aPostgresLeftRunningOnTheFolderIsReusedNotStartedTwice() throws Exception {
        Path data = root.resolve("pg");
        StandardEnvironment first = environment(closedPort(), data);
        fallback.prepare(first);

        // as after a kill -9 of the JVM: the postgres still runs, a new start finds it by its pid file
        StandardEnvironment second = environment(closedPort(), data);
        new FallbackDatabase().prepare(second);

        assertThat(second.getProperty("spring.datasource.url")).isEqualTo(first.getProperty("spring.datasource.url"));
    }

    @Test
    void aConfiguredUrlAlwaysWins() throws Exception {
        StandardEnvironment environment = environment(closedPort(), root.resolve("never"));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/ledger")));

        fallback.prepare(environment);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/ledger");
        assertThat(root.resolve("never")).doesNotExist();
    }

    @Test
    void aServerAnsweringAtThePortWinsAndSoDoesSwitchingItOff() throws Exception {
        try (ServerSocket answering = new ServerSocket(0)) {
            StandardEnvironment environment = environment(answering.getLocalPort(), root.resolve("never"));
            fallback.prepare(environment);
            assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(DEFAULT_URL);
        }
        StandardEnvironment off = environment(closedPort(), root.resolve("never"));
        off.getPropertySources().addFirst(new MapPropertySource("off", Map.of(FallbackDatabase.ENABLED, "false")));
        fallback.prepare(off);
        assertThat(off.getProperty("spring.datasource.url")).isEqualTo(DEFAULT_URL);
        assertThat(root.resolve("never")).doesNotExist();
    }

    private static StandardEnvironment environment(int probePort, Path data) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource(PACKAGED, Map.of(
                "spring.datasource.url", DEFAULT_URL,
                FallbackDatabase.PROBE_PORT, Integer.toString(probePort),
                FallbackDatabase.DIRECTORY, data.toString())));
        // as Spring Boot does: a view over every source, first in line, that finds the packaged URL too
        org.springframework.boot.context.properties.source.ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String setting(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
