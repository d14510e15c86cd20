package org.mekongledger.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The first minute on a machine with only Java: when nobody configured a database URL and nothing
 * answers at localhost:5432, the service starts a real PostgreSQL of its own, keeps its data in a
 * folder under the working directory, and says so loudly. A configured URL always wins, and so does
 * a server at localhost:5432. A ledger must not lose what it accepted, so fsync and synchronous
 * commit are on (the library's defaults turn them off).
 */
public final class FallbackDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String ENABLED = "ledger.fallback-database.enabled";
    static final String DIRECTORY = "ledger.fallback-database.directory";
    static final String PROBE_HOST = "ledger.fallback-database.probe-host";
    static final String PROBE_PORT = "ledger.fallback-database.probe-port";
    static final String SOURCE_NAME = "fallbackDatabase";
    private static final String URL = "spring.datasource.url";
    private static final Logger LOG = LoggerFactory.getLogger(FallbackDatabase.class);

    private EmbeddedPostgres started;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        prepare(event.getEnvironment());
    }

    /** Starts (or finds running) the fallback database when it is needed, and points the service at it. */
    void prepare(ConfigurableEnvironment environment) {
        if (!environment.getProperty(ENABLED, Boolean.class, true) || urlConfigured(environment)) {
            return;
        }
        String host = environment.getProperty(PROBE_HOST, "localhost");
        int probePort = environment.getProperty(PROBE_PORT, Integer.class, 5432);
        if (answers(host, probePort)) {
            return;
        }
        Path directory = Path.of(environment.getProperty(DIRECTORY, "ledger-data/postgres")).toAbsolutePath().normalize();
        int port = runningOn(directory);
        boolean reused = port > 0;
        if (!reused) {
            port = start(directory);
        } else {
            stopOnExit(directory);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, Map.of(
                URL, "jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true")));
        String line = "*".repeat(100);
        LOG.warn("\n{}\n* No database URL is configured and nothing answers at {}:{}.\n* {} an embedded PostgreSQL"
                        + " on port {} with its data in {}\n* It is for trying the service out: set spring.datasource.url"
                        + " (or SPRING_DATASOURCE_URL) to use a real server.\n{}",
                line, host, probePort, reused ? "Reusing" : "Started", port, directory, line);
    }

    /** Stops the database this listener started, if any (the JVM's shutdown hook does it otherwise). */
    void stop() {
        if (started != null) {
            try {
                started.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            started = null;
        }
    }

    private int start(Path directory) {
        try {
            Files.createDirectories(directory.getParent());
            // the library does not check that its port is free: ask the system for one
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            started = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return started.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** A postgres found running is this service's now: it stops when the service stops, as one it started would. */
    private static void stopOnExit(Path directory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                    .get(0).trim());
            // SIGTERM: postgres finishes what is running and stops cleanly
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy),
                    "fallback-database-stop"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the embedded PostgreSQL in {} will keep running after the service stops: {}", directory, e.toString());
        }
    }

    /**
     * The port of a PostgreSQL already running on the directory, or 0: after a kill -9 of the JVM
     * its postgres keeps running, and a second one on the same data must not be started.
     */
    static int runningOn(Path directory) {
        Path pid = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : 0;
            return port > 0 && answers("localhost", port) ? port : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Whether someone chose the URL: any property source but the service's own packaged
     * application.yml (the command line, the environment, an external file, a test).
     */
    static boolean urlConfigured(ConfigurableEnvironment environment) {
        // only the sources that hold values: Boot's attached "configurationProperties" view and the
        // like answer for every source behind them
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable && enumerable.containsProperty(URL)) {
                return !(source.getName().contains("class path resource [application")
                        || source.getName().contains("classpath:/application"));
            }
        }
        return false;
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
