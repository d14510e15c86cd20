package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.TestDatabases;

/**
 * {@code kill -9} of the service while several desks file and approve claims, then a restart on the
 * same database: every answered claim and approval is there, nothing is half-recorded (the claim_view
 * row and its events are one transaction), a request that got no answer sent again with its
 * Idempotency-Key lands at most once, and no worker holds two open claims for one lump sum.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KillMidClaimsIT {

    /** Workers per burst: about three answers each (two filings, one approval). */
    private static final int WORKERS = 32;
    private static final int CLIENTS = 8;
    /** When each burst is killed: after so many answers; 0 = the moment a change's transaction is seen open. */
    private static final int[] KILL_AFTER_ANSWERS = {8, 0, 48};

    private static LedgerDatabase db;
    private static volatile ServiceProcess service;

    /** A request as sent, kept to be sent again (same user, body and key) when no answer came. */
    private record Sent(String what, String path, Object body, String user, Map<String, String> key) {
        Response send() {
            return ClaimsWorkload.as(service, user).post(path, body, key);
        }
    }

    @BeforeAll
    static void aService() {
        db = new LedgerDatabase(TestDatabases.fresh(KillMidClaimsIT.class));
        service = start();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.kill();
        }
    }

    /**
     * Three bursts on the same service, each on workers of its own, each killed at another moment: early,
     * inside a change's open transaction (once one is seen), and late.
     */
    @Test
    void killedInABurstOfClaimsNothingIsHalfRecordedAndRetriesLandAtMostOnce() throws Exception {
        List<String> workers = ClaimsWorkload.insuredWorkers(admin(), WORKERS * KILL_AFTER_ANSWERS.length, reader());
        List<String> figures = new ArrayList<>();
        int unanswered = 0;
        for (int burst = 0; burst < KILL_AFTER_ANSWERS.length; burst++) {
            Burst seen = burstKilledAndRetried(workers.subList(burst * WORKERS, (burst + 1) * WORKERS),
                    KILL_AFTER_ANSWERS[burst]);
            figures.add(seen.figures());
            unanswered += seen.unanswered();
        }
        assertThat(unanswered).as("requests in flight at the kills").isPositive();
        for (String worker : workers) {
            assertThat(ClaimsWorkload.workerClaimEvents(db, "ClaimFiled", worker)).as(worker).isLessThanOrEqualTo(1);
        }
        Reliability.record("kill -9 of the service in a burst of claims and approvals, restart (" + figures.size()
                        + " times)",
                CLIENTS + " clients; per burst " + WORKERS + " workers each claimed by two desks at once, the 201"
                        + " approved; every unanswered request sent again twice with its key: " + figures,
                "nothing: every claim answered 201 and approval answered 200 there after restart, claim_view ="
                        + " events, retries landed at most once, at most one claim per worker");
    }

    /** What one burst saw. */
    private record Burst(String figures, int unanswered) {
    }

    /**
     * Two desks claim each worker's lump sum at about the same moment and whoever gets 201 has it
     * approved; the service is killed after {@code killAfter} answers (0: the moment a change's
     * transaction is seen open, or after half the answers should that not be seen) and restarted.
     */
    private static Burst burstKilledAndRetried(List<String> workers, int killAfter) throws Exception {
        Map<String, String> filed = new ConcurrentHashMap<>();
        Set<String> approved = ConcurrentHashMap.newKeySet();
        List<Sent> unanswered = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> answers = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        long claimsBefore = db.count("select count(*) from claim_view");
        long approvedBefore = db.count("select count(*) from claim_view where status = 'APPROVED'");

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> desks = new ArrayList<>();
        for (String worker : workers) {
            for (int desk = 0; desk < 2; desk++) {
                desks.add(clients.submit(() -> {
                    if (killed.get()) {
                        return;
                    }
                    Sent filing = new Sent("claim", "/api/v1/claims", ClaimsWorkload.claim(worker),
                            ClaimsWorkload.OFFICER, key("claim-"));
                    Response claim = sendOnce(filing, unanswered, answers, answered);
                    if (claim == null || claim.status() != 201) {
                        return;
                    }
                    String claimId = claim.json().path("claimId").asString();
                    filed.put(claimId, worker);
                    if (killed.get()) {
                        return;
                    }
                    Sent approval = new Sent("approval", ClaimsWorkload.approvalPath(claimId), Map.of(),
                            ClaimsWorkload.APPROVER, key("approve-"));
                    Response approvalAnswer = sendOnce(approval, unanswered, answers, answered);
                    if (approvalAnswer != null && approvalAnswer.status() == 200) {
                        approved.add(claimId);
                    }
                }));
            }
        }
        AtomicBoolean inTransaction = new AtomicBoolean();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(2)).until(() -> {
            if (desks.stream().allMatch(Future::isDone)) {
                return true;
            }
            if (killAfter > 0) {
                return answered.get() >= killAfter;
            }
            if (answered.get() > 2 && db.writingAChange()) {
                inTransaction.set(true);
                return true;
            }
            return answered.get() >= workers.size() * 3 / 2;
        });
        killed.set(true); // no desk starts a request after this; those in flight die with the process
        int answeredAtKill = answered.get();
        service.kill();
        for (Future<?> desk : desks) {
            desk.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        service = start();
        String moment = (inTransaction.get() ? "inside a change's transaction, " : "") + answeredAtKill + " answers in";
        System.out.println("claims burst killed " + moment + ": " + answers + "; no answer: " + unanswered.size());
        assertThat(answers.keySet()).as("answers before the kill").isSubsetOf("claim 201", "claim 409", "approval 200");

        // every answer given before the kill stands
        for (Map.Entry<String, String> claim : filed.entrySet()) {
            Response read = reader().get("/api/v1/claims/" + claim.getKey());
            assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
            assertThat(read.json().path("workerId").asString()).isEqualTo(claim.getValue());
            assertThat(read.json().path("status").asString()).isIn("FILED", "APPROVED");
        }
        for (String claimId : approved) {
            assertThat(reader().get("/api/v1/claims/" + claimId).json().path("status").asString())
                    .as(claimId).isEqualTo("APPROVED");
            assertThat(ClaimsWorkload.claimEvents(db, "ClaimApproved", claimId)).isEqualTo(1);
        }
        long claimsStored = db.count("select count(*) from claim_view") - claimsBefore;
        long approvedStored = db.count("select count(*) from claim_view where status = 'APPROVED'") - approvedBefore;
        theClaimsAreWholeAndOncePerWorker();

        // every request that got no answer, sent again with its key (twice: the second is a replay)
        Map<String, Integer> retries = new TreeMap<>();
        for (Sent request : unanswered) {
            Response retried = request.send();
            Response replayed = request.send();
            retries.merge(request.what() + " " + retried.status(), 1, Integer::sum);
            assertThat(replayed.status()).as(replayed.raw().body()).isEqualTo(retried.status());
            assertThat(replayed.raw().body()).isEqualTo(retried.raw().body());
            if (request.what().equals("claim")) {
                assertThat(retried.status()).as(retried.raw().body()).isIn(201, 409);
            } else {
                assertThat(retried.status()).as(retried.raw().body()).isEqualTo(200);
                assertThat(retried.json().path("status").asString()).isEqualTo("APPROVED");
            }
        }
        System.out.println("retries after the restart: " + retries);
        theClaimsAreWholeAndOncePerWorker();
        return new Burst("killed " + moment + " " + answers + ", " + (claimsStored - filed.size()) + " claims and "
                + (approvedStored - approved.size()) + " approvals committed without an answer; " + unanswered.size()
                + " unanswered, retried: " + retries, unanswered.size());
    }

    /** Sends once; a broken connection (the kill) leaves the request to be sent again. */
    private static Response sendOnce(Sent request, List<Sent> unanswered, Map<String, Integer> answers,
                                     AtomicInteger answered) {
        try {
            Response answer = request.send();
            answers.merge(request.what() + " " + answer.status(), 1, Integer::sum);
            answered.incrementAndGet();
            return answer;
        } catch (TimedClient.NoAnswer killed) {
            unanswered.add(request);
            return null;
        }
    }

    /**
     * The read model and the event store tell the same story: each ClaimFiled has its claim_view row and
     * each row its ClaimFiled, a row is APPROVED exactly when a ClaimApproved is stored (once), its
     * history has a step per event, and no worker has two claims open or paid for the lump sum.
     */
    private static void theClaimsAreWholeAndOncePerWorker() {
        String claimOf = "convert_from(e.payload, 'UTF8')::jsonb ->> 'claimId'";
        String approvals = "(select count(*) from domain_event_entry e where e.payload_type like '%ClaimApproved'"
                + " and " + claimOf + " = v.claim_id)";
        assertThat(db.count("select count(*) from domain_event_entry e where e.payload_type like '%ClaimFiled'"
                + " and not exists (select 1 from claim_view v where v.claim_id = " + claimOf + ")"))
                .as("ClaimFiled without a claim_view row").isZero();
        assertThat(db.count("select count(*) from claim_view v where not exists (select 1 from domain_event_entry e"
                + " where e.payload_type like '%ClaimFiled' and " + claimOf + " = v.claim_id)"))
                .as("claim_view rows without a ClaimFiled").isZero();
        assertThat(db.count("select count(*) from claim_view v where v.status <> case when " + approvals
                + " > 0 then 'APPROVED' else 'FILED' end")).as("claim_view status unlike the events").isZero();
        assertThat(db.count("select count(*) from claim_view v where " + approvals + " > 1"))
                .as("claims approved twice").isZero();
        assertThat(db.count("select count(*) from claim_view v where (select count(*) from claim_history h"
                + " where h.claim_id = v.claim_id) <> 1 + " + approvals)).as("history unlike the events").isZero();
        assertThat(db.count("select count(*) from (select aggregate_identifier from domain_event_entry"
                + " where payload_type like '%ClaimFiled' group by aggregate_identifier having count(*) > 1) twice"))
                .as("workers with two claims filed").isZero();
        assertThat(db.count("select count(*) from (select worker_id from claim_view where status in "
                + ClaimsWorkload.OPEN_OR_PAID + " group by worker_id, scheme having count(*) > 1) twice"))
                .as("workers with two open claims on one scheme").isZero();
    }

    private static Map<String, String> key(String prefix) {
        return Map.of("Idempotency-Key", Workload.unique(prefix));
    }

    private static ServiceProcess start() {
        return ServiceProcess.start("kill-claims", db.database().url(), db.database());
    }

    private static TimedClient admin() {
        return new TimedClient(service.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
    }

    private static TimedClient reader() {
        return new TimedClient(service.port(), ServiceProcess.AUDITOR, ServiceProcess.AUDITOR_PW);
    }
}
