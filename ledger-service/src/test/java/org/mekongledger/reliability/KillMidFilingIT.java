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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.TestDatabases;

/**
 * {@code kill -9} of the service process while a 5,000-line filing is being appended, then a restart on
 * the same database: the filing is recorded wholly or not at all, the same request sent again makes
 * exactly one filing, every event gets its journal entry, and the restarted service (512 MiB heap)
 * answers normally.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillMidFilingIT {

    private static final int LINES = 5_000;
    private static final String PERIOD = "2025-08";

    private static LedgerDatabase db;
    private static ServiceProcess service;
    private static List<String> workers;
    private static final List<String> logs = new ArrayList<>();
    private static int kills;

    @BeforeAll
    static void aServiceWithFiveThousandWorkers() throws Exception {
        db = new LedgerDatabase(TestDatabases.fresh(KillMidFilingIT.class));
        service = start();
        workers = Workload.registerWorkers(admin(), LINES);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    @Order(1)
    void withoutAKeyAKilledFilingIsRecordedWhollyOrNotAtAllAndASecondOneIsRefused() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (long delayAfterAppendStarted : new long[] {0, 1500}) {
            String employer = Workload.registerEmployer(admin());
            Map<String, Object> filing = Workload.filing(employer, PERIOD, workers, "16000.00");

            String moment = killWhileFiling(filing, Map.of(), delayAfterAppendStarted);
            long filed = db.filingsOf(employer);
            long contributions = db.contributionsOf(employer);
            outcomes.add(moment + ": " + (filed == 1 ? "committed" : "rolled back"));
            assertThat(filed).isBetween(0L, 1L);
            assertThat(contributions).as("lines recorded for the killed filing").isEqualTo(filed * LINES);

            Response again = admin().post("/api/v1/contribution-filings", filing);
            assertThat(again.status()).as(again.raw().body()).isEqualTo(filed == 1 ? 409 : 201);
            assertThat(db.filingsOf(employer)).isEqualTo(1);
            assertThat(db.contributionsOf(employer)).isEqualTo(LINES);
        }
        System.out.println("kill -9 without a key: " + outcomes);
        Reliability.record("kill -9 of the service in a 5,000-line filing (no key), restart",
                outcomes.size() + " kills: " + outcomes + "; the same filing sent again",
                "nothing: each filing wholly or not at all, then exactly once");
    }

    /** Needs the idempotency record committed with the change (the "once" branch of issue 6). */
    @Test
    @Order(2)
    void withTheSameKeyTheRetryAfterAKillGetsTheOneFilingsReceipt() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (long delayAfterAppendStarted : new long[] {200}) {
            String employer = Workload.registerEmployer(admin());
            Map<String, Object> filing = Workload.filing(employer, PERIOD, workers, "16000.00");
            Map<String, String> key = Map.of("Idempotency-Key", Workload.unique("kill-") + "-" + employer);

            String moment = killWhileFiling(filing, key, delayAfterAppendStarted);
            outcomes.add(moment + ": " + (db.filingsOf(employer) == 1 ? "committed" : "rolled back"));

            Response retried = admin().post("/api/v1/contribution-filings", filing, key);
            assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
            String filingId = retried.json().path("filingId").asString();
            assertThat(db.count("select count(*) from filing_period_register where filing_id = ?", filingId))
                    .isEqualTo(1);
            assertThat(db.filingsOf(employer)).isEqualTo(1);
            assertThat(db.contributionsOf(employer)).isEqualTo(LINES);
            Response replayed = admin().post("/api/v1/contribution-filings", filing, key);
            assertThat(replayed.status()).isEqualTo(201);
            assertThat(replayed.raw().body()).isEqualTo(retried.raw().body());
        }
        System.out.println("kill -9 with a key: " + outcomes);
        Reliability.record("kill -9 of the service in a 5,000-line filing with an Idempotency-Key, restart",
                outcomes.size() + " kills: " + outcomes + "; the same request and key sent twice more",
                "nothing: one filing each, its receipt returned and replayed");
    }

    /**
     * After the kills (each leaves a gap of 5,001 global indexes in the event table), the projections
     * catch up with every event booked exactly once, and the restarted 512 MiB service keeps answering.
     * Needs bounded memory with gaps (issue 6, point 4): on the landed code the restarted service runs
     * out of heap here.
     */
    @Test
    @Order(3)
    void afterTheKillsTheJournalCatchesUpExactlyAndTheServiceKeepsItsHeap() {
        theRestartedServiceIsWholeAndTheJournalExact();
        Reliability.record("kill -9 in a 5,000-line filing, " + kills + " times: projections after restart",
                "journal catch-up after the gaps the killed transactions left",
                "nothing: journal entries " + db.journalEntries() + " = events " + db.contributionEvents()
                        + ", none doubled; no OutOfMemoryError at -Xmx512m");
    }

    /**
     * Sends the filing, kills the process {@code delay} ms after its events start being appended (or
     * after the send, if the append is not seen), and restarts the service. Says when the kill came.
     */
    private static String killWhileFiling(Map<String, Object> filing, Map<String, String> headers, long delay)
            throws Exception {
        TimedClient client = admin();
        CompletableFuture<Response> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return client.post("/api/v1/contribution-filings", filing, headers);
            } catch (TimedClient.NoAnswer killed) {
                return null;
            }
        });
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean appending = false;
        while (!sent.isDone() && System.nanoTime() < giveUp && !(appending = db.appendingEvents())) {
            Thread.sleep(5);
        }
        Thread.sleep(delay);
        boolean answered = sent.isDone();
        service.kill();
        kills++;
        Response answer = sent.get(30, TimeUnit.SECONDS);
        String moment = answered ? "after the answer (" + (answer == null ? "none" : answer.status()) + ")"
                : (appending ? "appending +" + delay + " ms" : "before the append");
        service = start();
        return moment;
    }

    private static void theRestartedServiceIsWholeAndTheJournalExact() {
        assertThat(service.alive()).as("the restarted service is running; its log: " + service.log()).isTrue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(db::journalCaughtUp);
        Response balance = new TimedClient(service.port(), ServiceProcess.AUDITOR, ServiceProcess.AUDITOR_PW)
                .get("/api/v1/ledger/trial-balance");
        assertThat(balance.status()).as(balance.raw().body()).isEqualTo(200);
        assertThat(Workload.registerWorker(admin())).isNotBlank();
        assertThat(service.alive()).isTrue();
        for (String log : logs) {
            assertThat(log).doesNotContain("OutOfMemoryError");
        }
        assertThat(service.logText()).doesNotContain("OutOfMemoryError");
    }

    private static ServiceProcess start() {
        if (service != null) {
            logs.add(service.logText());
        }
        return ServiceProcess.start("kill", db.database().url(), db.database());
    }

    private static TimedClient admin() {
        return new TimedClient(service.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
    }
}
