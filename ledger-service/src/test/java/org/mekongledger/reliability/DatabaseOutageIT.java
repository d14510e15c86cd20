package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.TestDatabases;

/**
 * "PostgreSQL restarted" during ingest: a proxy between the service process and the database cuts
 * every connection and refuses new ones for 5 s while clients keep filing. Requests in the outage
 * answer 503 with Retry-After (never 500, never silence), the service recovers by itself, and every
 * filing exists exactly once with its journal entries.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final int CLIENTS = 4;
    private static final int FILINGS_PER_CLIENT = 12;
    private static final int LINES = 50;

    private static LedgerDatabase db;
    private static PostgresProxy proxy;
    private static ServiceProcess service;

    @BeforeAll
    static void serviceBehindAProxy() throws Exception {
        db = new LedgerDatabase(TestDatabases.fresh(DatabaseOutageIT.class));
        proxy = new PostgresProxy("127.0.0.1", 5432);
        service = ServiceProcess.start("outage", db.urlVia(proxy.port()), db.database());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.kill();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void requestsDuringAnOutageAnswer503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
        TimedClient admin = new TimedClient(service.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
        List<String> workers = Workload.registerWorkers(admin, LINES);
        List<String> employers = new ArrayList<>();
        for (int i = 0; i < CLIENTS * FILINGS_PER_CLIENT; i++) {
            employers.add(Workload.registerEmployer(admin));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> mine = employers.subList(c * FILINGS_PER_CLIENT, (c + 1) * FILINGS_PER_CLIENT);
            running.add(clients.submit(() -> {
                for (String employer : mine) {
                    // no Idempotency-Key: a retry after a lost answer is refused as a second filing (409)
                    fileUntilSettled(admin, employer, workers, statuses, unexpected, accepted, unavailable);
                    pause(150);
                }
                return null;
            }));
        }
        // the outage starts while the clients are busy, and the probes are asked during it
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 3);
        proxy.outage(OUTAGE);
        long outageStarted = System.nanoTime();
        int livenessInOutage = service.livenessStatus();
        int readinessInOutage = service.readinessStatus();
        for (Future<?> client : running) {
            client.get(3, TimeUnit.MINUTES);
        }
        clients.shutdownNow();

        assertThat(unexpected).as("answers other than 201, 503 or 409 after a lost answer").isEmpty();
        assertThat(unavailable.get()).as("requests answered 503 during the outage").isPositive();
        assertThat(proxy.refusedConnections()).as("connections refused by the 'restarting' database").isPositive();
        assertThat(livenessInOutage).as("liveness does not depend on the database").isEqualTo(200);
        assertThat(readinessInOutage).as("readiness reports the database").isEqualTo(503);
        assertThat(System.nanoTime() - outageStarted).isGreaterThan(OUTAGE.toNanos());
        await().atMost(Duration.ofSeconds(30)).until(() -> service.readinessStatus() == 200);
        for (String employer : employers) {
            assertThat(db.filingsOf(employer)).as("filings of " + employer).isEqualTo(1);
            assertThat(db.contributionsOf(employer)).as("contributions of " + employer).isEqualTo(LINES);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(db::journalCaughtUp);
        assertThat(db.journalEntries()).isEqualTo((long) employers.size() * LINES);
        assertThat(service.logText()).doesNotContain("OutOfMemoryError");
        Reliability.record("PostgreSQL restarted (5 s) during ingest, " + CLIENTS + " clients",
                employers.size() + " filings of " + LINES + " lines; answers " + statuses
                        + "; connections refused " + proxy.refusedConnections(),
                "filings " + employers.size() + "/" + employers.size() + " once each; journal entries "
                        + db.journalEntries() + " = events " + db.contributionEvents());
    }

    private static void fileUntilSettled(TimedClient admin, String employer, List<String> workers,
                                         Map<Integer, AtomicInteger> statuses, ConcurrentLinkedQueue<String> unexpected,
                                         ConcurrentLinkedQueue<String> accepted, AtomicInteger unavailable) {
        boolean retried = false;
        long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            Response answer = admin.post("/api/v1/contribution-filings",
                    Workload.filing(employer, "2025-06", workers, "12000.00"));
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.status() == 201) {
                accepted.add(answer.json().path("filingId").asString());
                return;
            }
            if (answer.status() == 409 && retried) {
                return; // the first attempt committed but its answer was lost with the connection
            }
            if (answer.status() != 503) {
                unexpected.add(answer.status() + " " + answer.raw().body());
                return;
            }
            unavailable.incrementAndGet();
            String retryAfter = answer.header("Retry-After");
            if (retryAfter == null || !answer.contentType().startsWith("application/problem+json")
                    || !answer.json().path("type").asString().endsWith("/service-unavailable")) {
                unexpected.add("503 without Retry-After or problem type: " + answer.raw().body());
                return;
            }
            retried = true;
            pause(Math.min(1000, Long.parseLong(retryAfter) * 1000));
        }
        unexpected.add("still unavailable after 90 s: " + employer);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
