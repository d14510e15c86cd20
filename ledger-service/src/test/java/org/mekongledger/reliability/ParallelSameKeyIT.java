package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.TestDatabases;

/**
 * Fifty clients send the same filing with the same Idempotency-Key at once, split over two service
 * processes: one filing is recorded, and every answer is its receipt or a 409 request-in-progress
 * with Retry-After. Needs the idempotency work of issue 6 (the "once" branch).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ParallelSameKeyIT {

    private static final int CLIENTS = 50;
    private static LedgerDatabase db;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void twoReplicas() {
        db = new LedgerDatabase(TestDatabases.fresh(ParallelSameKeyIT.class));
        first = ServiceProcess.start("same-key-a", db.database().url(), db.database());
        second = ServiceProcess.start("same-key-b", db.database().url(), db.database());
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : new ServiceProcess[] {first, second}) {
            if (replica != null) {
                replica.kill();
            }
        }
    }

    @Test
    void fiftyParallelRequestsWithOneKeyMakeOneFiling() throws Exception {
        TimedClient a = new TimedClient(first.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
        TimedClient b = new TimedClient(second.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
        List<String> workers = Workload.registerWorkers(a, 200);
        String employer = Workload.registerEmployer(a);
        Map<String, Object> filing = Workload.filing(employer, "2025-05", workers, "14000.00");
        Map<String, String> key = Map.of("Idempotency-Key", Workload.unique("same-"));

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                TimedClient through = i % 2 == 0 ? a : b;
                answers.add(clients.submit(() -> {
                    start.await();
                    return through.post("/api/v1/contribution-filings", filing, key);
                }));
            }
            start.countDown();
            Set<String> receipts = new HashSet<>();
            int inProgress = 0;
            for (Future<Response> future : answers) {
                Response answer = future.get(2, TimeUnit.MINUTES);
                if (answer.status() == 201) {
                    receipts.add(answer.json().path("filingId").asString());
                } else {
                    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(409);
                    assertThat(answer.json().path("type").asString()).endsWith("/request-in-progress");
                    assertThat(answer.header("Retry-After")).isNotBlank();
                    inProgress++;
                }
            }
            assertThat(receipts).hasSize(1);
            assertThat(db.filingsOf(employer)).isEqualTo(1);
            assertThat(db.contributionsOf(employer)).isEqualTo(workers.size());
            Response later = b.post("/api/v1/contribution-filings", filing, key);
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.json().path("filingId").asString()).isEqualTo(receipts.iterator().next());
            Reliability.record("50 parallel requests, one Idempotency-Key, two replicas",
                    CLIENTS + " identical filings: " + (CLIENTS - inProgress) + " receipts, " + inProgress
                            + " in-progress 409s", "nothing doubled: one filing");
        } finally {
            clients.shutdownNow();
        }
    }
}
