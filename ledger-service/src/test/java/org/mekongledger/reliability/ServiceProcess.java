package org.mekongledger.reliability;

import org.mekongledger.support.TestDatabases;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mekongledger.support.ApiClient;

/**
 * The packaged service (target/ledger-service.jar) as a child process with the production heap limit,
 * on a random port and a database of the test's choosing, its output kept under
 * target/reliability-logs. {@link #kill()} is SIGKILL ({@code kill -9}) on Linux: no shutdown hook runs.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN = "fund-admin";
    static final String ADMIN_PW = "fund-admin-pw";
    static final String AUDITOR = "auditor";
    static final String AUDITOR_PW = "auditor-pw";
    private static final AtomicInteger STARTED = new AtomicInteger();
    /** Children still running when the test JVM ends (a time limit hit, a crash) are killed with it. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "kill-service-processes"));
    }

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a service on {@code jdbcUrl} and waits until it is ready (or fails the test within 120 s). */
    static ServiceProcess start(String name, String jdbcUrl, TestDatabases.Database database, String... extraArguments) {
        return start(name, null, List.of(
                "--spring.datasource.url=" + jdbcUrl,
                // the service's own role; migrations as the schema's owner, as deployed
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.flyway.user=" + database.ownerUsername(),
                "--spring.flyway.password=" + database.ownerPassword()), extraArguments);
    }

    /** Starts a service given no database at all, in a working directory of its own: the first minute. */
    static ServiceProcess startWithoutDatabase(String name, Path workingDirectory, String... extraArguments) {
        return start(name, workingDirectory, List.of(), extraArguments);
    }

    private static ServiceProcess start(String name, Path workingDirectory, List<String> databaseArguments,
                                        String... extraArguments) {
        Path jar = Path.of(System.getProperty("ledger.service.jar", "target/ledger-service.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `./mvnw verify` (failsafe runs after package)");
        }
        Path logs = Path.of(System.getProperty("ledger.reliability.logs", "target/reliability-logs"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the production heap; an OutOfMemoryError ends the process (and is in its log) rather
                // than leaving a half-working service behind
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toAbsolutePath().toString(),
                // the child binds a port of its own choosing and the log says which: a port picked here
                // could be taken by another process before the child (30 s later) binds it
                "--server.port=0",
                "--ledger.security.users[0].name=" + ADMIN,
                "--ledger.security.users[0].password={noop}" + ADMIN_PW,
                "--ledger.security.users[0].roles=FUND_ADMIN",
                "--ledger.security.users[1].name=" + AUDITOR,
                "--ledger.security.users[1].password={noop}" + AUDITOR_PW,
                "--ledger.security.users[1].roles=AUDITOR",
                // the claims desk: one files, two approve (maker-checker needs someone other than the filer)
                "--ledger.security.users[2].name=" + ClaimsWorkload.OFFICER,
                "--ledger.security.users[2].password={noop}" + ClaimsWorkload.OFFICER + "-pw",
                "--ledger.security.users[2].roles=CLAIMS_OFFICER",
                "--ledger.security.users[3].name=" + ClaimsWorkload.APPROVER,
                "--ledger.security.users[3].password={noop}" + ClaimsWorkload.APPROVER + "-pw",
                "--ledger.security.users[3].roles=APPROVER",
                "--ledger.security.users[4].name=" + ClaimsWorkload.APPROVER_2,
                "--ledger.security.users[4].password={noop}" + ClaimsWorkload.APPROVER_2 + "-pw",
                "--ledger.security.users[4].roles=APPROVER",
                "--logging.level.org.axonframework=WARN"));
        command.addAll(databaseArguments);
        command.addAll(List.of(extraArguments));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(String.format("%s-%02d.log", name, STARTED.incrementAndGet()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            Process process = builder.start();
            RUNNING.add(process);
            try {
                int port = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .until(() -> boundPort(process, log), bound -> bound > 0);
                ServiceProcess service = new ServiceProcess(process, port, log);
                service.awaitReady(Duration.ofSeconds(60));
                return service;
            } catch (RuntimeException | Error notReady) {
                process.destroyForcibly();
                throw new IllegalStateException("service did not become ready; see " + log, notReady);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the JVM gets no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        RUNNING.remove(process);
        try {
            process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A normal stop (SIGTERM): the service's shutdown hooks run. */
    void stop() {
        process.destroy();
        RUNNING.remove(process);
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the log says about heap exhaustion or a broken service: read after the fact. */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    int readinessStatus() {
        return healthStatus("/actuator/health/readiness");
    }

    int livenessStatus() {
        return healthStatus("/actuator/health/liveness");
    }

    private int healthStatus(String path) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue());
            }
            return readinessStatus() == 200;
        });
    }

    private static final Pattern STARTED_ON = Pattern.compile("Tomcat started on port (\\d+)");

    private static int boundPort(Process process, Path log) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("service exited with " + process.exitValue());
        }
        Matcher started = STARTED_ON.matcher(Files.readString(log));
        return started.find() ? Integer.parseInt(started.group(1)) : -1;
    }

    @Override
    public void close() {
        kill();
    }
}
