package org.mekongledger.settlement.it;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged ledger service (../ledger-service/target/ledger-service.jar) as a child process on a
 * port of its own choosing and a database of the test's, with the desk's users: an administrator, a
 * claims officer, an approver, the settlement operator the batch signs in as, and an auditor. Its
 * output is kept under target/settlement-it-logs.
 */
final class LedgerService implements AutoCloseable {

    static final String ADMIN = "fund-admin";
    static final String OFFICER = "claims-officer";
    static final String APPROVER = "approver";
    static final String SETTLEMENT = "settlement";
    static final String AUDITOR = "auditor";

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Pattern STARTED_ON = Pattern.compile("Tomcat started on port (\\d+)");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "kill-ledger-services"));
    }

    private final Process process;
    private final int port;
    private final Path log;

    private LedgerService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The settlement operator's is the batch's default password; the others are the user's name + "-pw". */
    static String password(String user) {
        return user.equals(SETTLEMENT) ? "settlement" : user + "-pw";
    }

    static LedgerService start(String name, FreshDatabase database) {
        Path jar = Path.of(System.getProperty("ledger.service.jar", "../ledger-service/target/ledger-service.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package ledger-service first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=ledger_app",
                "--spring.datasource.password=",
                "--spring.flyway.user=" + database.user,
                "--spring.flyway.password=" + database.password,
                "--logging.level.org.axonframework=WARN"));
        String[][] users = {
                {ADMIN, "FUND_ADMIN"}, {OFFICER, "CLAIMS_OFFICER"}, {APPROVER, "APPROVER"},
                {SETTLEMENT, "SETTLEMENT_OPERATOR"}, {AUDITOR, "AUDITOR"}};
        for (int i = 0; i < users.length; i++) {
            command.add("--ledger.security.users[" + i + "].name=" + users[i][0]);
            command.add("--ledger.security.users[" + i + "].password={noop}" + password(users[i][0]));
            command.add("--ledger.security.users[" + i + "].roles=" + users[i][1]);
        }
        try {
            Path logs = Processes.logDirectory();
            Path log = logs.resolve(String.format("%s-service-%02d.log", name, STARTED.incrementAndGet()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RUNNING.add(process);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            try {
                int port = -1;
                while (port < 0) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("service exited with " + process.exitValue());
                    }
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("service did not bind a port in 180 s");
                    }
                    Matcher started = STARTED_ON.matcher(Files.readString(log));
                    if (started.find()) {
                        port = Integer.parseInt(started.group(1));
                    } else {
                        Thread.sleep(250);
                    }
                }
                LedgerService service = new LedgerService(process, port, log);
                while (service.readiness() != 200) {
                    if (!process.isAlive() || System.nanoTime() > giveUp) {
                        throw new IllegalStateException("service not ready");
                    }
                    Thread.sleep(250);
                }
                return service;
            } catch (RuntimeException | InterruptedException notReady) {
                process.destroyForcibly();
                RUNNING.remove(process);
                throw new IllegalStateException("service did not become ready; see " + log, notReady);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api as(String user) {
        return new Api(port, user, password(user));
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    private int readiness() {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }
}
