package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.TestDatabases;

/**
 * {@code pg_terminate_backend} on every connection of the service process (what a database
 * administrator or a failover does): during a filing's append and during projection batches.
 * A filing is committed wholly or not at all and answers 201 or 503; the projections resume by
 * themselves with no journal entry lost or doubled.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TerminatedConnectionsIT {

    private static final int LINES = 2_000;
    private static LedgerDatabase db;
    private static ServiceProcess service;
    private static List<String> workers;

    @BeforeAll
    static void aServiceWithWorkers() throws Exception {
        db = new LedgerDatabase(TestDatabases.fresh(TerminatedConnectionsIT.class));
        service = ServiceProcess.start("terminate", db.database().url(), db.database());
        workers = Workload.registerWorkers(admin(), LINES);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void aFilingWhoseConnectionsAreTerminatedIsRecordedWhollyOrNotAtAll() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            String employer = Workload.registerEmployer(admin());
            Map<String, Object> filing = Workload.filing(employer, "2025-09", workers, "9000.00");
            Response answer = terminateDuring(filing, Map.of());
            assertThat(answer.status()).as(answer.raw().body()).isIn(201, 503);
            if (answer.status() == 503) {
                assertThat(answer.header("Retry-After")).isNotBlank();
                assertThat(answer.json().path("type").asString()).endsWith("/service-unavailable");
            }
            long filed = db.filingsOf(employer);
            outcomes.add(answer.status() + (filed == 1 ? " committed" : " rolled back"));
            assertThat(filed).isBetween(0L, 1L);
            assertThat(db.contributionsOf(employer)).isEqualTo(filed * LINES);
            // a 503 with the filing committed is an answer lost with the connection: the resend sees it

            // as a client told Retry-After would: a pooled connection may still be found dead once
            Response again = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> admin().post("/api/v1/contribution-filings", filing), r -> r.status() != 503);
            assertThat(again.status()).as(again.raw().body()).isEqualTo(filed == 1 ? 409 : 201);
            assertThat(db.filingsOf(employer)).isEqualTo(1);
            assertThat(db.contributionsOf(employer)).isEqualTo(LINES);
        }
        System.out.println("pg_terminate_backend during filings: " + outcomes);
        Reliability.record("pg_terminate_backend of the service's connections in a " + LINES + "-line filing",
                outcomes.size() + " filings: " + outcomes + "; the same filing sent again",
                "nothing: each wholly or not at all, then exactly once");
    }

    /** Needs the idempotency record committed with the change (the "once" branch of issue 6). */
    @Test
    void withAKeyTheRetryAfterTerminatedConnectionsGetsOneFiling() throws Exception {
        String employer = Workload.registerEmployer(admin());
        Map<String, Object> filing = Workload.filing(employer, "2025-10", workers, "9000.00");
        Map<String, String> key = Map.of("Idempotency-Key", Workload.unique("terminated-"));
        Response first = terminateDuring(filing, key);
        assertThat(first.status()).isIn(201, 503);

        Response retried = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin().post("/api/v1/contribution-filings", filing, key), r -> r.status() != 503);
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(db.filingsOf(employer)).isEqualTo(1);
        assertThat(db.contributionsOf(employer)).isEqualTo(LINES);
        if (first.status() == 201) {
            assertThat(retried.raw().body()).isEqualTo(first.raw().body());
        }
    }

    @Test
    void projectionsResumeAfterTheirConnectionsAreTerminatedMidBatchWithNothingLostOrDoubled() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(db::journalCaughtUp);
        int terminatedWhileBehind = 0;
        for (int filing = 0; filing < 4; filing++) {
            String employer = Workload.registerEmployer(admin());
            Response filed = admin().post("/api/v1/contribution-filings",
                    Workload.filing(employer, "2025-11", workers, "11000.00"));
            assertThat(filed.status()).as(filed.raw().body()).isIn(201, 503);
            if (filed.status() == 503) {
                continue;
            }
            // the ledger projection books 2,000 entries in batches: cut its connections while it is behind
            for (int cut = 0; cut < 3 && db.journalEntries() < db.contributionEvents(); cut++) {
                db.terminateServiceConnections();
                terminatedWhileBehind++;
                Thread.sleep(200);
            }
        }
        assertThat(terminatedWhileBehind).as("terminations while the projection was behind").isPositive();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(db::journalCaughtUp);
        assertThat(db.journalDifferences()).isZero();
        assertThat(admin().get("/api/v1/ledger/trial-balance").status()).isEqualTo(200);
        Reliability.record("pg_terminate_backend of all service connections during projection batches",
                terminatedWhileBehind + " terminations while the ledger projection was behind",
                "nothing: journal entries " + db.journalEntries() + " = events " + db.contributionEvents()
                        + ", none doubled");
    }

    /** Sends the filing and terminates the service's connections as soon as its events are being appended. */
    private static Response terminateDuring(Map<String, Object> filing, Map<String, String> headers) throws Exception {
        TimedClient client = admin();
        CompletableFuture<Response> sent = CompletableFuture.supplyAsync(
                () -> client.post("/api/v1/contribution-filings", filing, headers));
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!sent.isDone() && System.nanoTime() < giveUp && !db.appendingEvents()) {
            Thread.sleep(5);
        }
        db.terminateServiceConnections();
        return sent.get(60, TimeUnit.SECONDS);
    }

    private static TimedClient admin() {
        return new TimedClient(service.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
    }
}
