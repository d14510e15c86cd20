package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.mekongledger.support.ApiClient.Response;

/** The business the reliability tests drive: employers, workers and filings, as the API takes them. */
final class Workload {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000);

    private Workload() {
    }

    static String unique(String prefix) {
        return prefix + NUMBERS.incrementAndGet();
    }

    static String registerEmployer(TimedClient admin) {
        String account = String.format("%010d", (System.nanoTime() / 1000 + NUMBERS.incrementAndGet()) % 10_000_000_000L);
        Response created = sendRetrying(admin, "/api/v1/employers", Map.of("employerAccount", account,
                "name", "Samut Sakhon Seafood Co., Ltd."));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return account;
    }

    static Map<String, Object> worker(String passport) {
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("givenName", "Thida");
        worker.put("familyName", "Sok");
        worker.put("dateOfBirth", "1991-07-14");
        worker.put("sex", "F");
        worker.put("nationality", "KHM");
        worker.put("documents", List.of(Map.of("type", "PASSPORT", "number", passport, "issuingCountry", "KHM",
                "validUntil", "2030-01-31")));
        return worker;
    }

    static String registerWorker(TimedClient admin) {
        Response created = sendRetrying(admin, "/api/v1/workers", worker(unique("N")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("workerId").asString();
    }

    /**
     * As a client is told to: with an Idempotency-Key, sent again after a lost answer or a 503 (just
     * after a fault the pool may still hand out a connection the database ended), for 30 s at most.
     */
    static Response sendRetrying(TimedClient admin, String path, Object body) {
        Map<String, String> key = Map.of("Idempotency-Key", unique("setup-"));
        long giveUp = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Response answer = admin.post(path, body, key);
                if (answer.status() != 503 || System.nanoTime() > giveUp) {
                    return answer;
                }
            } catch (TimedClient.NoAnswer lost) {
                if (System.nanoTime() > giveUp) {
                    throw lost;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code count} workers registered by a few clients in parallel. */
    static List<String> registerWorkers(TimedClient admin, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                registered.add(clients.submit(() -> registerWorker(admin)));
            }
            List<String> workers = new ArrayList<>(count);
            for (Future<String> worker : registered) {
                workers.add(worker.get());
            }
            return workers;
        } finally {
            clients.shutdownNow();
        }
    }

    static Map<String, Object> filing(String employer, String period, List<String> workers, String wage) {
        List<Map<String, String>> lines = new ArrayList<>(workers.size());
        for (String worker : workers) {
            lines.add(Map.of("workerId", worker, "wage", wage));
        }
        return Map.of("scheme", "TH_SSF_S33", "employerAccount", employer, "period", period, "lines", lines);
    }
}
