package org.mekongledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import tools.jackson.databind.JsonNode;

/**
 * Two service processes on one database, as {@code deploy/k8s} runs them, behave as one service.
 * Needs the replica work of issue 6 (rule-set versions read in the filing transaction, directory
 * lookup synchronous, conflict retry inside the service).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoReplicasIT {

    /** README: an entitlement answer reflects another replica's change within 30 s. */
    private static final Duration DOCUMENTED_STALENESS = Duration.ofSeconds(30);
    /** Races per claims test: one worker each, so every round is a fresh race. */
    private static final int ROUNDS = 10;
    private static LedgerDatabase db;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void twoReplicas() {
        db = new LedgerDatabase(TestDatabases.fresh(TwoReplicasIT.class));
        first = ServiceProcess.start("replica-a", db.database().url(), db.database());
        second = ServiceProcess.start("replica-b", db.database().url(), db.database());
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : new ServiceProcess[] {first, second}) {
            if (replica != null) {
                replica.kill();
            }
        }
    }

    /**
     * A filing for a period the new version governs cannot be sent today (periods after the current
     * month are refused, and a version must follow 2032-01), so this checks what decides it: the other
     * replica knows the version at once, refuses a version for a month the first already made in force
     * (the landed code accepted it and then failed to start), and still files and starts normally.
     */
    @Test
    void aRuleSetVersionAddedThroughOneIsInForceOnTheOther() {
        String employer = Workload.registerEmployer(admin(first));
        String worker = Workload.registerWorker(admin(first));
        // the other replica has read the rule sets (and filed) before the new version exists
        Response before = admin(second).post("/api/v1/contribution-filings",
                Workload.filing(employer, "2025-06", List.of(worker), "40000.00"));
        assertThat(before.status()).as(before.raw().body()).isEqualTo(201);

        Response added = admin(first).post("/api/v1/rule-sets/TH_SSF_S33/versions",
                ceilingVersion("2041-01", "2041-01-01", "30000.00"));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);

        Response listed = reader(second).get("/api/v1/rule-sets/TH_SSF_S33");
        assertThat(listed.raw().body()).contains("\"2041-01\"");
        Response older = admin(second).post("/api/v1/rule-sets/TH_SSF_S33/versions",
                ceilingVersion("2040-01", "2040-01-01", "29000.00"));
        assertThat(older.status()).as(older.raw().body()).isEqualTo(422);
        assertThat(db.count("select count(*) from domain_event_entry where payload_type like '%RuleSetVersion%'"
                + " and convert_from(payload, 'UTF8') like '%2040-01%'")).isZero();
        Response after = admin(second).post("/api/v1/contribution-filings",
                Workload.filing(employer, "2025-07", List.of(worker), "40000.00"));
        assertThat(after.status()).as(after.raw().body()).isEqualTo(201);
        assertThat(after.json().path("lines").get(0).path("insurableWage").asString()).isEqualTo("15000.00");
    }

    @Test
    void writesToOneWorkerThroughBothReplicasAtOnceAllSucceed() throws Exception {
        String worker = Workload.registerWorker(admin(first));
        List<String> employers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            employers.add(Workload.registerEmployer(admin(i % 2 == 0 ? first : second)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TimedClient through = admin(i % 2 == 0 ? first : second);
                String employer = employers.get(i);
                answers.add(clients.submit(() -> through.post("/api/v1/contribution-filings",
                        Workload.filing(employer, "2025-07", List.of(worker), "12000.00"))));
                int year = 1995 + i;
                answers.add(clients.submit(() -> through.post("/api/v1/workers/" + worker + "/insurance-periods",
                        Map.of("scheme", "MM_SSB", "from", year + "-01", "to", year + "-12", "source", "SSB letter " + year))));
            }
            for (Future<Response> answer : answers) {
                Response response = answer.get(2, TimeUnit.MINUTES);
                assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(db.count("select count(*) from domain_event_entry where aggregate_identifier = ?", worker))
                .isEqualTo(1 + 6 + 6);
    }

    @Test
    void aWorkerRegisteredThroughOneIsFoundByDocumentThroughTheOtherAtOnce() {
        for (int i = 0; i < 5; i++) {
            String passport = Workload.unique("R");
            Response registered = admin(first).post("/api/v1/workers", Workload.worker(passport));
            assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);

            Response found = reader(second).get("/api/v1/workers?documentType=PASSPORT&documentNumber=" + passport
                    + "&issuingCountry=KHM");
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().path("workers")).hasSize(1);
            assertThat(found.json().path("workers").get(0).path("workerId").asString())
                    .isEqualTo(registered.json().path("workerId").asString());
        }
    }

    @Test
    void entitlementAnswersOnTheOtherReflectAChangeWithinTheDocumentedBound() {
        String worker = Workload.registerWorker(admin(first));
        String employer = Workload.registerEmployer(admin(first));
        assertThat(admin(first).post("/api/v1/contribution-filings",
                Workload.filing(employer, "2025-01", List.of(worker), "10000.00")).status()).isEqualTo(201);
        String path = "/api/v1/workers/" + worker + "/entitlements?asOf=2026-01-01";
        // the other replica has the worker's history cached with one month (it may first have cached
        // an older answer, which is itself held at most for the documented bound)
        await().atMost(DOCUMENTED_STALENESS.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> contributionMonths(reader(second).get(path)) == 1);

        assertThat(admin(first).post("/api/v1/contribution-filings",
                Workload.filing(employer, "2025-02", List.of(worker), "10000.00")).status()).isEqualTo(201);
        long changed = System.nanoTime();
        await().atMost(DOCUMENTED_STALENESS.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> contributionMonths(reader(second).get(path)) == 2);
        Duration seen = Duration.ofNanos(System.nanoTime() - changed);
        System.out.println("entitlement change seen on the other replica after " + seen.toMillis() + " ms");
        Reliability.record("two replicas on one database", "a change through one, entitlement asked through the other",
                "seen after " + seen.toMillis() + " ms (bound " + DOCUMENTED_STALENESS.toSeconds() + " s)");
    }

    /** The claim_view row is written in the filing's own transaction: the other replica finds it at once. */
    @Test
    void aClaimFiledThroughOneIsApprovedThroughTheOtherAtOnce() throws Exception {
        List<String> workers = ClaimsWorkload.insuredWorkers(admin(first), 3, reader(first), reader(second));
        for (String worker : workers) {
            Response filed = ClaimsWorkload.as(first, ClaimsWorkload.OFFICER).post("/api/v1/claims",
                    ClaimsWorkload.claim(worker));
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
            String claimId = filed.json().path("claimId").asString();

            Response approved = ClaimsWorkload.as(second, ClaimsWorkload.APPROVER).post(
                    ClaimsWorkload.approvalPath(claimId), Map.of());

            assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
            assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
            assertThat(reader(first).get("/api/v1/claims/" + claimId).json().path("status").asString())
                    .isEqualTo("APPROVED");
            assertThat(ClaimsWorkload.claimEvents(db, "ClaimApproved", claimId)).isEqualTo(1);
        }
    }

    /**
     * Two approvers press at the same moment, one through each replica: the worker's account approves
     * once. The loser is told the claim is APPROVED, or (should the service's retries run out) that it
     * lost a race; either way one ClaimApproved is stored.
     */
    @Test
    void twoApproversAtOnceThroughBothReplicasApproveEachClaimOnce() throws Exception {
        List<String> workers = ClaimsWorkload.insuredWorkers(admin(first), ROUNDS, reader(first), reader(second));
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (String worker : workers) {
            Response filed = ClaimsWorkload.as(first, ClaimsWorkload.OFFICER).post("/api/v1/claims",
                    ClaimsWorkload.claim(worker));
            assertThat(filed.status()).as(filed.raw().body()).isEqualTo(201);
            String claimId = filed.json().path("claimId").asString();

            TimedClient one = ClaimsWorkload.as(first, ClaimsWorkload.APPROVER);
            TimedClient other = ClaimsWorkload.as(second, ClaimsWorkload.APPROVER_2);
            List<Response> answers = atTheSameMoment(
                    () -> one.post(ClaimsWorkload.approvalPath(claimId), Map.of()),
                    () -> other.post(ClaimsWorkload.approvalPath(claimId), Map.of()));

            assertThat(answers).as(bodies(answers)).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
            Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            String why = refused.json().path("type").asString().endsWith("/concurrency-conflict") ? "concurrency-conflict"
                    : refused.json().path("currentState").asString();
            assertThat(why).as(refused.raw().body()).isIn("APPROVED", "concurrency-conflict");
            outcomes.merge("200 + 409 " + why, 1, Integer::sum);
            assertThat(ClaimsWorkload.claimEvents(db, "ClaimApproved", claimId)).isEqualTo(1);
            assertThat(db.count("select count(*) from claim_view where claim_id = ? and status = 'APPROVED'", claimId))
                    .isEqualTo(1);
        }
        System.out.println("two approvers at once through two replicas: " + outcomes);
        Reliability.record("two replicas on one database", ROUNDS + " claims, each approved by two approvers at the"
                        + " same moment, one through each replica",
                "nothing doubled: " + outcomes + "; one ClaimApproved per claim");
    }

    /** Two desks file the same lump sum for one worker at the same moment, one through each replica. */
    @Test
    void twoClaimsAtOnceThroughBothReplicasFileOnePerWorkerAndScheme() throws Exception {
        List<String> workers = ClaimsWorkload.insuredWorkers(admin(first), ROUNDS, reader(first), reader(second));
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (String worker : workers) {
            TimedClient one = ClaimsWorkload.as(first, ClaimsWorkload.OFFICER);
            TimedClient other = ClaimsWorkload.as(second, ClaimsWorkload.OFFICER);
            List<Response> answers = atTheSameMoment(
                    () -> one.post("/api/v1/claims", ClaimsWorkload.claim(worker)),
                    () -> other.post("/api/v1/claims", ClaimsWorkload.claim(worker)));

            assertThat(answers).as(bodies(answers)).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
            Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            String winner = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                    .json().path("claimId").asString();
            // refused by the once-only rule, naming the claim that won (not by a lost race)
            assertThat(refused.json().path("detail").asString()).as(refused.raw().body()).contains(winner);
            outcomes.merge("201 + 409 " + refused.json().path("type").asString().replaceAll(".*/", ""), 1, Integer::sum);
            assertThat(ClaimsWorkload.workerClaimEvents(db, "ClaimFiled", worker)).isEqualTo(1);
            assertThat(db.count("select count(*) from claim_view where worker_id = ? and scheme = 'TH_SSF_S33'"
                    + " and status in " + ClaimsWorkload.OPEN_OR_PAID, worker)).isEqualTo(1);
        }
        System.out.println("two claims at once through two replicas: " + outcomes);
        Reliability.record("two replicas on one database", ROUNDS + " workers, each claimed twice at the same moment"
                        + " (same lump sum), one claim through each replica",
                "nothing doubled: " + outcomes + "; one ClaimFiled and one open claim per worker");
    }

    /** Both requests wait at a latch and are released together, so they race in the services. */
    @SafeVarargs
    private static List<Response> atTheSameMoment(java.util.concurrent.Callable<Response>... requests) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests.length);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (java.util.concurrent.Callable<Response> request : requests) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static String bodies(List<Response> answers) {
        return answers.stream().map(r -> r.status() + " " + r.raw().body()).toList().toString();
    }

    private static int contributionMonths(Response entitlements) {
        for (JsonNode benefit : entitlements.json().path("entitlements")) {
            if (benefit.path("benefit").asString().equals("OLD_AGE_LUMP_SUM")) {
                return benefit.path("contributionMonths").asInt();
            }
        }
        return -1;
    }

    private static Map<String, Object> ceilingVersion(String version, String effectiveFrom, String ceiling) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("currency", "THB");
        parameters.put("wageFloor", "1650.00");
        parameters.put("wageCeiling", ceiling);
        Map<String, String> employee = Map.of("SICKNESS_MATERNITY_INVALIDITY_DEATH", "1.5",
                "CHILD_ALLOWANCE_OLD_AGE", "3", "UNEMPLOYMENT", "0.5");
        Map<String, String> government = Map.of("SICKNESS_MATERNITY_INVALIDITY_DEATH", "1.5",
                "CHILD_ALLOWANCE_OLD_AGE", "1", "UNEMPLOYMENT", "0.25");
        parameters.put("ratesPercent", Map.of("EMPLOYEE", employee, "EMPLOYER", employee, "GOVERNMENT", government));
        parameters.put("rounding", Map.of("shareScale", 0, "shareMode", "HALF_UP", "branchScale", 2,
                "branchMode", "HALF_UP", "remainderBranch", "CHILD_ALLOWANCE_OLD_AGE"));
        return org.mekongledger.rulelibrary.RuleSetsApiTest.amendment(
                Map.of("version", version, "effectiveFrom", effectiveFrom, "parameters", parameters),
                "ministerial regulation (test)");
    }

    private static TimedClient admin(ServiceProcess replica) {
        return new TimedClient(replica.port(), ServiceProcess.ADMIN, ServiceProcess.ADMIN_PW);
    }

    private static TimedClient reader(ServiceProcess replica) {
        return new TimedClient(replica.port(), ServiceProcess.AUDITOR, ServiceProcess.AUDITOR_PW);
    }
}
