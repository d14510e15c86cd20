package org.mekongledger.bench;

import static org.mekongledger.bench.Out.abbreviate;
import static org.mekongledger.bench.Out.say;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.mekongledger.bench.BenchmarkHttp.Exchange;

/**
 * On-demand latency benchmark of {@code GET /workers/{id}/entitlements} against a running ledger service (not
 * part of the test suite).
 *
 * <ol>
 *   <li>Set-up over REST (not the measurement): E employers and W workers (nationalities MMR/KHM/LAO/VNM in
 *       turn, born 1968..1975); employer e files for workers [eW/E, (e+1)W/E) every month of
 *       {@code fromPeriod..toPeriod}, one filing per employer and month, sent by {@code setupConcurrency}
 *       clients, wages derived from (seed, worker, month) between {@code minWage} and {@code maxWage}; an
 *       INSURED_STATUS_ENDED event on {@code statusEnded} for every worker, and a partner insurance period for a
 *       quarter of the KHM workers.</li>
 *   <li>Waits until the projections have caught up: the last worker's ledger holds one entry per month and its
 *       entitlements show OLD_AGE_PENSION with that many contribution months; then every worker is checked
 *       once.</li>
 *   <li>{@code clients} threads, signed in as the reader ({@code readerUser}, default the set-up's user), each
 *       looping over random workers (of {@code readerNationality} only, when given), call the entitlements of
 *       {@code asOf} for a warm-up, then for the measured window; every latency is recorded. Each of those workers
 *       is first asked once as the reader: an embassy officer must see its nationals (200), never a 404.</li>
 * </ol>
 * With {@code skipSetup=true} steps 1 and 2 are skipped: the workers already registered (by an earlier run against
 * the same service) are found by paging through {@code GET /workers} as the set-up's user. That is how
 * {@code run-entitlements.sh} measures the same query as an embassy officer on the same data.
 * Exit status: 0 whatever the target says (it is a measurement); 1 if any request failed; 2 on a set-up error.
 */
public final class EntitlementQueryBenchmark {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        ServiceEndpoint.addDefaults(DEFAULTS);
        DEFAULTS.put("employers", "4");
        DEFAULTS.put("workers", "200");
        EntitlementScenario.addDefaults(DEFAULTS);
        DEFAULTS.put("toPeriod", "2025-12");
        DEFAULTS.put("setupConcurrency", "8");
        DEFAULTS.put("catchUpTimeoutSeconds", "300");
        DEFAULTS.put("pollMillis", "200");
        DEFAULTS.put("clients", "32");
        DEFAULTS.put("warmupSeconds", "5");
        DEFAULTS.put("measureSeconds", "20");
        EntitlementReader.addDefaults(DEFAULTS);
        DEFAULTS.put("skipSetup", "false");                  // true: reuse the workers already registered
        RunIdentity.addDefaults(DEFAULTS);
        DEFAULTS.put("targetP99Millis", "20");
    }

    private static final String BENEFIT = EntitlementScenario.BENEFIT;
    /** The contract's largest page of {@code GET /workers}. */
    private static final int LIST_PAGE_SIZE = 200;

    // settings
    private final ServiceEndpoint endpoint;
    private final RunIdentity runIdentity;
    private final EntitlementScenario scenario;
    private final int employers;
    private final int workers;
    private final int workersPerEmployer;
    private final int months;
    private final int setupConcurrency;
    private final int catchUpTimeoutSeconds;
    private final int pollMillis;
    private final int clients;
    private final double warmupSeconds;
    private final double measureSeconds;
    private final double targetP99Millis;
    private final EntitlementReader reader;
    private final boolean skipSetup;

    /** The set-up's client (admin). */
    private final LedgerApiClient api;
    /** The measured queries' client, signed in as the reader. */
    private final LedgerApiClient readerApi;

    private EntitlementQueryBenchmark(BenchmarkSettings s) {
        endpoint = ServiceEndpoint.from(s);
        runIdentity = RunIdentity.from(s);
        scenario = EntitlementScenario.from(s);
        employers = s.positiveInt("employers");
        workers = s.positiveInt("workers");
        if (workers % employers != 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be a multiple of employers (" + employers
                    + "): employer e files for workers [e*W/E, (e+1)*W/E)");
        }
        RunIdentity.requireAccountsFor(employers);
        workersPerEmployer = workers / employers;
        YearMonth fromPeriod = scenario.fromPeriod();
        YearMonth toPeriod = YearMonth.parse(s.string("toPeriod"));
        if (toPeriod.isBefore(fromPeriod)) {
            throw new IllegalArgumentException("toPeriod " + toPeriod + " is before fromPeriod " + fromPeriod);
        }
        months = (int) (toPeriod.getYear() * 12L + toPeriod.getMonthValue() - fromPeriod.getYear() * 12L
                - fromPeriod.getMonthValue() + 1);
        setupConcurrency = s.positiveInt("setupConcurrency");
        catchUpTimeoutSeconds = s.positiveInt("catchUpTimeoutSeconds");
        pollMillis = s.positiveInt("pollMillis");
        clients = s.positiveInt("clients");
        warmupSeconds = s.nonNegativeDouble("warmupSeconds");
        measureSeconds = s.positiveDouble("measureSeconds");
        targetP99Millis = s.positiveDouble("targetP99Millis");
        reader = EntitlementReader.from(s, endpoint);
        String skip = s.string("skipSetup").trim();
        if (!skip.equalsIgnoreCase("true") && !skip.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("skipSetup must be true or false: " + skip);
        }
        skipSetup = Boolean.parseBoolean(skip);
        api = new LedgerApiClient(endpoint);
        readerApi = new LedgerApiClient(reader.endpoint(endpoint));
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, DEFAULTS, s -> new EntitlementQueryBenchmark(s).run());
    }

    private YearMonth period(int index) {
        return scenario.fromPeriod().plusMonths(index);
    }

    /**
     * The workers there are (ids and nationalities, in registration order) and what the summary says about where
     * they came from; an {@code exitStatus} above 0 means stop with it.
     */
    private record Prepared(int exitStatus, String[] workerIds, String[] nationalities, String data, String catchUp) {
        static Prepared failed(int exitStatus) {
            return new Prepared(exitStatus, new String[0], new String[0], "", "");
        }
    }

    private int run() throws Exception {
        LocalDate asOf = scenario.asOf();
        say("Mekong Ledger entitlement query benchmark, run %s", runIdentity.runId());
        say("  service %s (health %s), set-up user %s", endpoint.baseUrl(), endpoint.healthUrl(), endpoint.user());
        say("  measurement: GET /workers/{id}/entitlements?asOf=%s, %d clients, warm-up %.0f s, measured %.0f s,"
                + " as %s", asOf, clients, warmupSeconds, measureSeconds, reader.label());

        Exchange health = api.health();
        if (!LedgerApiClient.isUp(health)) {
            say("service is not healthy at %s: %d %s", endpoint.healthUrl(), health.status(),
                    abbreviate(health.body()));
            return 2;
        }

        // 1. + 2. data: registered and filed now, or (skipSetup) what an earlier run left
        Prepared prepared = skipSetup ? reuseWorkers() : setUp();
        if (prepared.exitStatus() > 0) {
            return prepared.exitStatus();
        }

        // 3. measurement, as the reader, over the workers it asks about
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < prepared.workerIds().length; i++) {
            if (reader.asksAbout(prepared.nationalities()[i])) {
                asked.add(prepared.workerIds()[i]);
            }
        }
        if (asked.isEmpty()) {
            say("none of the %d workers is of nationality %s; not measuring", prepared.workerIds().length,
                    reader.nationality());
            return 2;
        }
        String[] askedIds = asked.toArray(String[]::new);
        say("measuring as %s: %d of %d workers", reader.label(), askedIds.length, prepared.workerIds().length);
        if (!readerSeesAll(askedIds)) {
            say("not measuring");
            return 1;
        }
        TimedLoad.Result warmup = measure("warm-up", askedIds, warmupSeconds);
        if (warmup != null) {
            say("warm-up: %d requests in %.1f s (%.0f/s), p50 %.2f ms, p99 %.2f ms, errors %d", warmup.count(),
                    warmup.seconds(), warmup.perSecond(), warmup.percentile(50), warmup.percentile(99),
                    warmup.errors());
        }
        TimedLoad.Result measured = measure("measured", askedIds, measureSeconds);
        summary(prepared, askedIds.length, measured);
        return measured.errors() > 0 ? 1 : 0;
    }

    /** Steps 1 and 2: registrations and filings as the set-up's user, then the wait for the projections. */
    private Prepared setUp() throws Exception {
        int filings = employers * months;
        int partnerWorkers = 0;
        for (int i = 0; i < workers; i++) {
            partnerWorkers += EntitlementScenario.hasPartnerPeriod(i) ? 1 : 0;
        }
        LocalDate asOf = scenario.asOf();
        say("  set-up: %d employers, %d workers; %d filings of %d lines (%s..%s, %d months), %d clients;"
                        + " wages %s", employers, workers, filings, workersPerEmployer, period(0), period(months - 1),
                months, setupConcurrency, scenario.wages());
        say("  %s on %s for every worker; %s %s..%s for %d KHM workers", "INSURED_STATUS_ENDED",
                scenario.statusEnded(), scenario.partnerScheme(), scenario.partnerFrom(), scenario.partnerTo(),
                partnerWorkers);

        // 1. set-up (rates printed, not the measurement)
        long setupStart = System.nanoTime();
        RequestPhase employerPhase = RequestPhase.run("register employers", employers, setupConcurrency,
                e -> api.registerEmployer(runIdentity.employerAccount(e),
                        "Bench " + runIdentity.runId() + " Entitlements Co. " + e), (e, ex) -> { });
        String[] workerIds = new String[workers];
        RequestPhase workerPhase = RequestPhase.run("register workers", workers, setupConcurrency,
                i -> api.registerWorker(i, EntitlementScenario.dateOfBirth(i), runIdentity.passportNumber("BE", i)),
                (i, ex) -> workerIds[i] = api.workerId(ex));
        if (employerPhase.failed() > 0 || workerPhase.failed() > 0) {
            say("registration failed; nothing filed");
            return Prepared.failed(1);
        }

        // filing k: employer k mod E, month k div E; bodies built up front
        byte[][] filingBodies = new byte[filings][];
        for (int k = 0; k < filings; k++) {
            int employer = k % employers;
            int month = k / employers;
            filingBodies[k] = api.filingBody(scenario.scheme(), runIdentity.employerAccount(employer), period(month),
                    workerIds, employer * workersPerEmployer, workersPerEmployer, worker -> wageCents(worker, month));
        }
        RequestPhase filingPhase = RequestPhase.run("file contributions", filings, setupConcurrency,
                k -> api.file(filingBodies[k]), (k, ex) -> { });
        say("  %.0f lines/s", filingPhase.perSecond((long) filingPhase.ok() * workersPerEmployer));

        RequestPhase eventPhase = RequestPhase.run("record INSURED_STATUS_ENDED", workers, setupConcurrency,
                i -> api.recordLifeEvent(workerIds[i], "INSURED_STATUS_ENDED", scenario.statusEnded()), (i, ex) -> { });

        int[] partnerIndex = new int[partnerWorkers];
        for (int i = 0, n = 0; i < workers; i++) {
            if (EntitlementScenario.hasPartnerPeriod(i)) {
                partnerIndex[n++] = i;
            }
        }
        RequestPhase periodPhase = RequestPhase.run("credit partner periods", partnerWorkers, setupConcurrency,
                n -> api.creditInsurancePeriod(workerIds[partnerIndex[n]], scenario.partnerScheme(),
                        scenario.partnerFrom(), scenario.partnerTo()), (n, ex) -> { });
        if (filingPhase.failed() > 0 || eventPhase.failed() > 0 || periodPhase.failed() > 0) {
            say("set-up requests failed; not measuring");
            return Prepared.failed(1);
        }
        long lastSetupResponse = Math.max(Math.max(filingPhase.lastEndNanos(), eventPhase.lastEndNanos()),
                periodPhase.lastEndNanos());
        say("set-up sent in %.1f s", (lastSetupResponse - setupStart) / 1e9);

        // 2. projections caught up?
        CatchUp catchUp = awaitCatchUp(workerIds, lastSetupResponse);
        if (!catchUp.reached()) {
            say("projections did NOT catch up within %d s: %s", catchUpTimeoutSeconds, catchUp.problem());
            say("not measuring");
            return Prepared.failed(2);
        }
        say("projections caught up %.2f s after the last set-up response (%d polls); all %d workers checked in %.2f s",
                catchUp.seconds(), catchUp.polls(), workers, catchUp.checkSeconds());
        say("  last worker's entitlements (asOf %s, %d bytes): %s", asOf, catchUp.sampleBytes(), catchUp.sample());
        say("  %s eligible for %d of %d workers", BENEFIT, catchUp.eligible(), workers);

        String[] nationalities = new String[workers];
        for (int i = 0; i < workers; i++) {
            nationalities[i] = SyntheticWorker.nationality(i);
        }
        String data = String.format(Locale.ROOT,
                "%d workers x %d months (%s..%s), %d employers; %d filings in %.1f s (%.0f lines/s)", workers, months,
                period(0), period(months - 1), employers, filingPhase.count(), filingPhase.seconds(),
                filingPhase.perSecond((long) filingPhase.ok() * workersPerEmployer));
        String caughtUp = String.format(Locale.ROOT, "%.2f s after the last set-up response", catchUp.seconds());
        return new Prepared(0, workerIds, nationalities, data, caughtUp);
    }

    /**
     * skipSetup: the workers already registered, paged through {@code GET /workers} as the set-up's user (who sees
     * every nationality), until a page comes back short.
     */
    private Prepared reuseWorkers() throws Exception {
        say("  set-up: skipped (skipSetup=true); reusing the workers listed by GET /workers as %s", endpoint.user());
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        List<String> nationalities = new ArrayList<>();
        for (int page = 0; ; page++) {
            Exchange listed = api.listWorkers(page, LIST_PAGE_SIZE);
            if (listed.status() != 200) {
                say("GET /workers?page=%d failed: %d %s", page, listed.status(), abbreviate(listed.body()));
                return Prepared.failed(2);
            }
            JsonNode list = api.read(listed).path("workers");
            for (JsonNode w : list) {
                ids.add(w.path("workerId").asText());
                nationalities.add(w.path("nationality").asText());
            }
            if (list.size() < LIST_PAGE_SIZE) {
                break;
            }
        }
        if (ids.isEmpty()) {
            say("no workers registered; run once without skipSetup first");
            return Prepared.failed(2);
        }
        Map<String, Integer> byNationality = new TreeMap<>();
        nationalities.forEach(n -> byNationality.merge(n, 1, Integer::sum));
        say("found %d workers in %.2f s: %s", ids.size(), (System.nanoTime() - start) / 1e9, byNationality);
        String data = String.format(Locale.ROOT, "%d workers already registered (set-up skipped): %s", ids.size(),
                byNationality);
        return new Prepared(0, ids.toArray(String[]::new), nationalities.toArray(String[]::new), data,
                "not waited for (set-up skipped)");
    }

    /** Each worker asked about once, as the reader and not timed: anything but a 200 with entitlements fails. */
    private boolean readerSeesAll(String[] workerIds) {
        long start = System.nanoTime();
        int refused = 0;
        String first = null;
        for (String id : workerIds) {
            Exchange ex = readerApi.get(entitlementsPath(id));
            if (!isEntitlements(ex)) {
                refused++;
                if (first == null) {
                    first = "worker " + id + ": " + ex.status() + " " + abbreviate(ex.body());
                }
            }
        }
        if (refused > 0) {
            say("%s was refused %d of %d workers, e.g. %s", reader.label(), refused, workerIds.length, first);
            return false;
        }
        say("%s sees all %d workers (checked once in %.2f s)", reader.label(), workerIds.length,
                (System.nanoTime() - start) / 1e9);
        return true;
    }

    private static boolean isEntitlements(Exchange ex) {
        return ex.status() == 200 && ex.body().contains("\"entitlements\"");
    }

    /** Deterministic in (seed, worker, month), whatever order the filings go out in; whole baht. */
    private long wageCents(int worker, int month) {
        long h = new SplittableRandom(scenario.seed() ^ (worker * 0x9E3779B97F4A7C15L) ^ (month * 0xC2B2AE3D27D4EB4FL))
                .nextLong();
        return scenario.minWageCents() + Math.floorMod(h, scenario.wageSteps()) * 100;
    }

    // ---------------------------------------------------------------- catch-up

    private record CatchUp(boolean reached, double seconds, int polls, double checkSeconds, String sample,
                           int sampleBytes, int eligible, String problem) {
    }

    /** The OLD_AGE_PENSION entitlement of a 200 response, or null. */
    private JsonNode pension(Exchange ex) throws Exception {
        if (ex.status() != 200) {
            return null;
        }
        for (JsonNode e : api.read(ex).path("entitlements")) {
            if (BENEFIT.equals(e.path("benefit").asText())) {
                return e;
            }
        }
        return null;
    }

    /** Every Thai month is counted; a partner period may add more. */
    private boolean countsEveryMonth(int worker, int contributionMonths) {
        return contributionMonths == months
                || (EntitlementScenario.hasPartnerPeriod(worker) && contributionMonths > months);
    }

    private String entitlementsPath(String workerId) {
        return LedgerApiClient.entitlementsPath(workerId, scenario.asOf());
    }

    private CatchUp awaitCatchUp(String[] workerIds, long lastSetupResponse) throws Exception {
        long deadline = lastSetupResponse + catchUpTimeoutSeconds * 1_000_000_000L;
        String last = workerIds[workers - 1];
        int polls = 0;
        String problem = "not polled";
        String lastStatus = "";
        // (a) the last worker: ledger entries, then entitlements
        while (true) {
            polls++;
            Exchange ledger = api.workerLedger(last);
            String now;
            if (ledger.status() != 200) {
                now = "GET ledger " + ledger.status() + ": " + abbreviate(ledger.body());
            } else {
                long entries = api.read(ledger).path("entries").path("totalEntries").asLong(-1);
                if (entries != months) {
                    now = "ledger totalEntries " + entries + " of " + months;
                } else {
                    Exchange ent = api.get(entitlementsPath(last));
                    JsonNode pension = pension(ent);
                    if (ent.status() != 200) {
                        now = "GET entitlements " + ent.status() + ": " + abbreviate(ent.body());
                    } else if (pension == null) {
                        now = "no " + BENEFIT + " entitlement: " + abbreviate(ent.body());
                    } else if (!countsEveryMonth(workers - 1, pension.path("contributionMonths").asInt(-1))) {
                        now = BENEFIT + " contributionMonths " + pension.path("contributionMonths").asText() + " of "
                                + months;
                    } else {
                        break;
                    }
                }
            }
            problem = now;
            if (!now.equals(lastStatus)) {
                say("  waiting: %s (%.1f s)", now, (System.nanoTime() - lastSetupResponse) / 1e9);
                lastStatus = now;
            }
            if (System.nanoTime() >= deadline) {
                return new CatchUp(false, 0, polls, 0, "", 0, 0, "last worker: " + problem);
            }
            Thread.sleep(pollMillis);
        }
        double caughtUp = (System.nanoTime() - lastSetupResponse) / 1e9;

        // (b) every worker once (re-polled until the deadline): the pension counts every Thai month,
        // and no fewer for the workers with a partner period
        long checkStart = System.nanoTime();
        boolean[] ok = new boolean[workers];
        int eligible = 0;
        String sample = "";
        int sampleBytes = 0;
        while (true) {
            int missing = 0;
            String firstProblem = null;
            for (int i = 0; i < workers; i++) {
                if (ok[i]) {
                    continue;
                }
                Exchange ex = api.get(entitlementsPath(workerIds[i]));
                JsonNode pension = pension(ex);
                int counted = pension == null ? -1 : pension.path("contributionMonths").asInt(-1);
                if (pension != null && countsEveryMonth(i, counted)) {
                    ok[i] = true;
                    eligible += pension.path("eligible").asBoolean() ? 1 : 0;
                    if (i == workers - 1) {
                        sample = benefits(ex);
                        sampleBytes = ex.body().length();
                    }
                } else {
                    missing++;
                    if (firstProblem == null) {
                        firstProblem = "worker #" + i + ": " + ex.status() + " "
                                + (pension == null ? abbreviate(ex.body()) : BENEFIT + " contributionMonths " + counted);
                    }
                }
            }
            if (missing == 0) {
                break;
            }
            say("  %d workers not caught up yet, e.g. %s", missing, firstProblem);
            if (System.nanoTime() >= deadline) {
                return new CatchUp(false, caughtUp, polls, 0, "", 0, 0, missing + " workers, e.g. " + firstProblem);
            }
            Thread.sleep(pollMillis);
        }
        return new CatchUp(true, caughtUp, polls, (System.nanoTime() - checkStart) / 1e9, sample, sampleBytes,
                eligible, "");
    }

    private String benefits(Exchange ex) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode e : api.read(ex).path("entitlements")) {
            out.add(e.path("benefit").asText() + (e.path("eligible").asBoolean() ? " " + e.path("amount").asText()
                    + " " + e.path("periodicity").asText() : " (not eligible)") + ", " + e.path("contributionMonths")
                    .asText() + " months, " + e.path("explanation").size() + " steps");
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- measurement

    /** {@code clients} threads as the reader, each its own loop over random workers; null if {@code seconds} is 0. */
    private TimedLoad.Result measure(String name, String[] workerIds, double seconds) throws Exception {
        String[] paths = new String[workerIds.length];
        for (int i = 0; i < workerIds.length; i++) {
            paths[i] = entitlementsPath(workerIds[i]);
        }
        return TimedLoad.run(name, clients, scenario.seed(), seconds, workerIds.length, i -> readerApi.get(paths[i]),
                EntitlementQueryBenchmark::isEntitlements);
    }

    // ---------------------------------------------------------------- output

    private void summary(Prepared prepared, int asked, TimedLoad.Result m) {
        double p99 = m.percentile(99);
        boolean pass = m.errors() == 0 && m.count() > 0 && p99 <= targetP99Millis;
        say("");
        say("============== ENTITLEMENT QUERY BENCHMARK SUMMARY (run %s) ==============", runIdentity.runId());
        say("service                 %s", endpoint.baseUrl());
        say("data                    %s", prepared.data());
        say("projection catch-up     %s", prepared.catchUp());
        say("query                   GET /workers/{id}/entitlements?asOf=%s, %d clients, random workers",
                scenario.asOf(), clients);
        say("reader                  %s: %d of %d workers", reader.label(), asked, prepared.workerIds().length);
        say("requests                %d in %.2f s (warm-up %.0f s before), statuses %s", m.count(), m.seconds(),
                warmupSeconds, m.statuses());
        say("throughput              %.0f req/s", m.perSecond());
        say("latency                 p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", m.percentile(50),
                m.percentile(90), p99, m.percentile(100));
        say("errors                  %d", m.errors());
        if (!m.failures().isEmpty()) {
            m.failures().forEach(f -> say("  %s", f));
        }
        say("target                  p99 <= %.0f ms: %s", targetP99Millis, pass ? "PASS" : "FAIL");
        say("===========================================================================");
        say("summary query: %d requests, %.0f req/s, p50 %.2f / p90 %.2f / p99 %.2f / max %.2f ms, %d errors;"
                        + " target p99 <= %.0f ms: %s; as %s", m.count(), m.perSecond(), m.percentile(50),
                m.percentile(90), p99, m.percentile(100), m.errors(), targetP99Millis, pass ? "PASS" : "FAIL",
                reader.label());
    }
}
