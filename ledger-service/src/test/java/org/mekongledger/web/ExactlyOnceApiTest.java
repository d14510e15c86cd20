package org.mekongledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** A keyed request makes its change once, whatever the client does with retries. */
class ExactlyOnceApiTest extends ApiTestBase {

    private static final String FILINGS = "/api/v1/contribution-filings";

    @Autowired
    IdempotencyRecordPurge purge;

    @Test
    void fiftyParallelRequestsWithOneKeyMakeOneFilingAndAllAnswerItsReceiptOrInProgress() throws Exception {
        String employer = registerEmployer();
        Map<String, Object> filing = filing(employer, "2025-03", registerWorker("MMR"), "12000.00",
                registerWorker("KHM"), "18000.00");
        long filingsBefore = filings();

        List<Response> answers = inParallel(50, () -> api.post(FILINGS, ADMIN, ADMIN_PW, filing,
                Map.of("Idempotency-Key", "parallel-1")));

        List<Response> receipts = answers.stream().filter(r -> r.status() == 201).toList();
        List<Response> inProgress = answers.stream().filter(r -> r.status() != 201).toList();
        assertThat(receipts).isNotEmpty();
        assertThat(receipts).extracting(r -> r.raw().body()).containsOnly(receipts.get(0).raw().body());
        assertThat(receipts).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(inProgress).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw().body()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("type").asString()).endsWith("/request-in-progress");
            assertThat(r.header("Retry-After")).isNotNull();
        });
        assertThat(filings()).isEqualTo(filingsBefore + 1);
        // and a later retry, in-progress answers included, gets the receipt
        Response later = api.post(FILINGS, ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "parallel-1"));
        assertThat(later.raw().body()).isEqualTo(receipts.get(0).raw().body());
    }

    /**
     * While the first request with a key is still running (here: its claim is held by an open
     * transaction), a second one waits for at most the lock timeout, then is told to come back.
     */
    @Test
    void aRequestWhoseTwinIsStillRunningIsToldToRetryAndThenRuns() throws Exception {
        Map<String, Object> filing = filing(registerEmployer(), "2025-07", registerWorker("MMR"), "9000.00");
        long filingsBefore = filings();
        Response inProgress;
        try (java.sql.Connection running = jdbc.getDataSource().getConnection()) {
            running.setAutoCommit(false);
            try (var claim = running.prepareStatement("""
                    insert into idempotency_record (principal, idem_key, request_hash) values (?, 'twin-1', repeat('b', 64))""")) {
                claim.setString(1, ADMIN);
                claim.executeUpdate();
            }
            long started = System.nanoTime();
            inProgress = api.post(FILINGS, ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "twin-1"));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
            running.rollback(); // the twin died without an answer
        }

        assertThat(inProgress.status()).as(inProgress.raw().body()).isEqualTo(409);
        assertThat(inProgress.json().path("type").asString())
                .isEqualTo("https://mekong-ledger.org/problems/request-in-progress");
        assertThat(inProgress.header("Retry-After")).isNotNull();
        assertThat(filings()).isEqualTo(filingsBefore);

        Response retried = api.post(FILINGS, ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "twin-1"));

        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(filings()).isEqualTo(filingsBefore + 1);
    }

    @Test
    void aRequestWhoseAnswerWasLostGetsTheSameReceiptWhenSentAgain() {
        String employer = registerEmployer();
        Map<String, Object> filing = filing(employer, "2025-04", registerWorker("MMR"), "9000.00");
        long filingsBefore = filings();

        Response lost = api.post(FILINGS, ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "lost-1"));
        Response again = api.post(FILINGS, ADMIN, ADMIN_PW, filing, Map.of("Idempotency-Key", "lost-1"));

        assertThat(lost.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw().body()).isEqualTo(lost.raw().body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(filings()).isEqualTo(filingsBefore + 1);
        // the answer was committed with the filing: one record, with the filing's receipt
        assertThat(jdbc.queryForObject("select status from idempotency_record where idem_key = 'lost-1'", Integer.class))
                .isEqualTo(201);
    }

    /**
     * The answer cannot be stored (as if the service died between the change and its record): the
     * change rolls back with it, the client is told 503, and the retry runs once, on fresh aggregates.
     */
    @Test
    void whenTheAnswerCannotBeCommittedNeitherIsTheChangeAndTheRetryRunsOnce() {
        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        assertThat(file(employer, "2025-05", worker, "9000.00").status()).isEqualTo(201); // account now cached
        Map<String, Object> june = filing(employer, "2025-06", worker, "9500.00");
        long events = eventCount();
        owner().execute("""
                create function refuse_answer() returns trigger language plpgsql as $$
                begin
                    if new.idem_key = 'crash-1' then raise exception 'the service died here'; end if;
                    return new;
                end $$""");
        owner().execute("create trigger refuse_answer before update on idempotency_record "
                + "for each row execute function refuse_answer()");
        Response failed;
        try {
            failed = api.post(FILINGS, ADMIN, ADMIN_PW, june, Map.of("Idempotency-Key", "crash-1"));
        } finally {
            owner().execute("drop trigger refuse_answer on idempotency_record");
        }

        assertThat(failed.status()).as(failed.raw().body()).isEqualTo(503);
        assertThat(failed.json().path("type").asString()).endsWith("/service-unavailable");
        assertThat(failed.header("Retry-After")).isNotNull();
        assertThat(failed.header("Location")).isNull();
        assertThat(eventCount()).isEqualTo(events);

        Response retried = api.post(FILINGS, ADMIN, ADMIN_PW, june, Map.of("Idempotency-Key", "crash-1"));

        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(filingsFor(worker)).isEqualTo(2);
        // the rolled-back contribution did not linger in the cached account: the stream has no gap
        assertThat(jdbc.queryForObject("""
                select max(sequence_number) + 1 = count(*) from domain_event_entry where aggregate_identifier = ?""",
                Boolean.class, worker)).isTrue();
    }

    @Test
    void answersOlderThanTheRetentionArePurgedByTheDatabaseClock() {
        jdbc.update("""
                insert into idempotency_record (principal, idem_key, request_hash, status, created_at)
                values ('fund-admin', 'old-1', repeat('a', 64), 201, now() - interval '31 days'),
                       ('fund-admin', 'young-1', repeat('a', 64), 201, now() - interval '29 days')""");

        int purged = purge.purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select idem_key from idempotency_record where idem_key in ('old-1', 'young-1')",
                String.class)).containsExactly("young-1");
    }

    @Test
    void aReversalRightAfterItsFilingAnswersTheReversalNeverA404() {
        String employer = registerEmployer();
        String worker = registerWorker("MMR");
        for (int round = 0; round < 5; round++) {
            String period = "2024-0" + (round + 1);
            Response filed = file(employer, period, worker, "15000.00");
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
            String filingId = filed.json().path("filingId").asString();

            Response reversed = api.post(FILINGS + "/" + filingId + "/reversal", ADMIN, ADMIN_PW,
                    Map.of("reason", "wrong wage"), round % 2 == 0 ? Map.of() : Map.of("Idempotency-Key", "rev-" + round));

            assertThat(reversed.status()).as(reversed.raw().body()).isEqualTo(200);
            assertThat(reversed.json().path("status").asString()).isEqualTo("REVERSED");
            assertThat(reversed.json().path("filingId").asString()).isEqualTo(filingId);
            assertThat(reversed.json().path("reversal").path("reason").asString()).isEqualTo("wrong wage");
            assertThat(reversed.json().path("lines")).isEqualTo(filed.json().path("lines"));
            assertThat(reversed.json().path("totals")).isEqualTo(filed.json().path("totals"));
        }
    }

    /**
     * The command runs as a savepoint inside the keyed request's transaction, which commits to store
     * the refusal: what the refused command wrote before it was refused must not commit with it.
     */
    @Test
    void aRefusedCommandInsideAKeyedRequestLeavesNothingOfItsWorkBehind() {
        String taken = uniqueNumber("T");
        String free = uniqueNumber("F");
        assertThat(admin("/api/v1/workers", worker("MMR", "PASSPORT", taken)).status()).isEqualTo(201);
        Map<String, Object> both = worker("MMR", "PASSPORT", free);
        both.put("documents", List.of(Map.of("type", "PASSPORT", "number", free, "issuingCountry", "MMR"),
                Map.of("type", "PASSPORT", "number", taken, "issuingCountry", "MMR")));
        long events = eventCount();

        Response refused = api.post("/api/v1/workers", ADMIN, ADMIN_PW, both, Map.of("Idempotency-Key", "refused-1"));
        Response replayed = api.post("/api/v1/workers", ADMIN, ADMIN_PW, both, Map.of("Idempotency-Key", "refused-1"));

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
        assertThat(replayed.raw().body()).isEqualTo(refused.raw().body());
        assertThat(eventCount()).isEqualTo(events);
        assertThat(admin("/api/v1/workers", worker("MMR", "PASSPORT", free)).status())
                .as("the free document was not left claimed").isEqualTo(201);
    }

    private long filingsFor(String worker) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.ContributionRecorded'""", Long.class, worker);
    }

    private long filings() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%.ContributionsFiled'",
                Long.class);
    }

    /** Sends {@code count} requests at once and waits (bounded) for every answer. */
    static List<Response> inParallel(int count, java.util.concurrent.Callable<Response> request) throws Exception {
        return inParallel(java.util.Collections.nCopies(count, request));
    }
}
