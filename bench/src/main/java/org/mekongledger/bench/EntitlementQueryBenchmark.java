package org.mekongledger.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 *   <li>{@code clients} threads, each looping over random workers, call the entitlements of {@code asOf} for a
 *       warm-up, then for the measured window; every latency is recorded.</li>
 * </ol>
 * Exit status: 0 whatever the target says (it is a measurement); 1 if any request failed; 2 on a set-up error.
 */
public final class EntitlementQueryBenchmark {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("baseUrl", "http://localhost:8080/api/v1");
        DEFAULTS.put("healthUrl", "");                       // default: <scheme://host:port of baseUrl>/actuator/health
        DEFAULTS.put("user", "admin");
        DEFAULTS.put("password", "admin");
        DEFAULTS.put("requestTimeoutSeconds", "120");
        DEFAULTS.put("employers", "4");
        DEFAULTS.put("workers", "200");
        DEFAULTS.put("fromPeriod", "2006-01");
        DEFAULTS.put("toPeriod", "2025-12");
        DEFAULTS.put("minWage", "9000");
        DEFAULTS.put("maxWage", "25000");
        DEFAULTS.put("scheme", "TH_SSF_S33");
        DEFAULTS.put("statusEnded", "2025-12-31");
        DEFAULTS.put("partnerScheme", "KH_NSSF_PENSION");
        DEFAULTS.put("partnerFrom", "2003-01");
        DEFAULTS.put("partnerTo", "2005-12");
        DEFAULTS.put("setupConcurrency", "8");
        DEFAULTS.put("catchUpTimeoutSeconds", "300");
        DEFAULTS.put("pollMillis", "200");
        DEFAULTS.put("asOf", "2026-01-01");
        DEFAULTS.put("clients", "32");
        DEFAULTS.put("warmupSeconds", "5");
        DEFAULTS.put("measureSeconds", "20");
        DEFAULTS.put("seed", "20260101");
        DEFAULTS.put("runId", "");                           // default: base-36 epoch seconds
        DEFAULTS.put("employerPrefix", "");                  // default: epoch seconds mod 1,000,000 (6 digits)
        DEFAULTS.put("targetP99Millis", "20");
    }

    private static final int MAX_FAILURES_SHOWN = 5;
    private static final String BENEFIT = "OLD_AGE_PENSION";
    private static final String[] NATIONALITIES = {"MMR", "KHM", "LAO", "VNM"};
    private static final String[][] GIVEN = {
            {"Aung", "Thandar", "Kyaw", "Nilar", "Zaw", "Hnin", "Min", "Su"},
            {"Sokha", "Dara", "Sreymom", "Vannak", "Chenda", "Rithy", "Bopha", "Sopheap"},
            {"Somphone", "Keo", "Bounmy", "Noy", "Khamla", "Phet", "Vilay", "Souk"},
            {"Minh", "Lan", "Tuan", "Huong", "Duc", "Mai", "Quang", "Thao"}};
    private static final String[][] FAMILY = {
            {"Win", "Htun", "Oo", "Myint", "Soe", "Thein", "Naing", "Lwin"},
            {"Chan", "Sok", "Kim", "Meas", "Heng", "Chea", "Pich", "Touch"},
            {"Phommachanh", "Vongsa", "Sayavong", "Keomany", "Inthavong", "Sisouk", "Chanthala", "Douangdy"},
            {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"}};

    // settings
    private final String baseUrl;
    private final String healthUrl;
    private final String user;
    private final int employers;
    private final int workers;
    private final int workersPerEmployer;
    private final YearMonth fromPeriod;
    private final int months;
    private final long minWageCents;
    private final long maxWageCents;
    private final String scheme;
    private final LocalDate statusEnded;
    private final String partnerScheme;
    private final YearMonth partnerFrom;
    private final YearMonth partnerTo;
    private final int setupConcurrency;
    private final int catchUpTimeoutSeconds;
    private final int pollMillis;
    private final LocalDate asOf;
    private final int clients;
    private final double warmupSeconds;
    private final double measureSeconds;
    private final long seed;
    private final String runId;
    private final String employerPrefix;
    private final double targetP99Millis;

    private final BenchmarkHttp http;
    private final ObjectMapper json = new ObjectMapper();

    private EntitlementQueryBenchmark(BenchmarkSettings s) {
        String base = s.string("baseUrl");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        baseUrl = base;
        user = s.string("user");
        employers = s.positiveInt("employers");
        workers = s.positiveInt("workers");
        if (workers % employers != 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be a multiple of employers (" + employers
                    + "): employer e files for workers [e*W/E, (e+1)*W/E)");
        }
        if (employers > 10_000) {
            throw new IllegalArgumentException("at most 10,000 employers per run (4-digit suffix of the account)");
        }
        workersPerEmployer = workers / employers;
        fromPeriod = YearMonth.parse(s.string("fromPeriod"));
        YearMonth toPeriod = YearMonth.parse(s.string("toPeriod"));
        if (toPeriod.isBefore(fromPeriod)) {
            throw new IllegalArgumentException("toPeriod " + toPeriod + " is before fromPeriod " + fromPeriod);
        }
        months = (int) (toPeriod.getYear() * 12L + toPeriod.getMonthValue() - fromPeriod.getYear() * 12L
                - fromPeriod.getMonthValue() + 1);
        minWageCents = new BigDecimal(s.string("minWage")).movePointRight(2).longValueExact();
        maxWageCents = new BigDecimal(s.string("maxWage")).movePointRight(2).longValueExact();
        if (minWageCents <= 0 || maxWageCents < minWageCents) {
            throw new IllegalArgumentException("need 0 < minWage <= maxWage");
        }
        scheme = s.string("scheme");
        statusEnded = LocalDate.parse(s.string("statusEnded"));
        partnerScheme = s.string("partnerScheme");
        partnerFrom = YearMonth.parse(s.string("partnerFrom"));
        partnerTo = YearMonth.parse(s.string("partnerTo"));
        setupConcurrency = s.positiveInt("setupConcurrency");
        catchUpTimeoutSeconds = s.positiveInt("catchUpTimeoutSeconds");
        pollMillis = s.positiveInt("pollMillis");
        asOf = LocalDate.parse(s.string("asOf"));
        clients = s.positiveInt("clients");
        warmupSeconds = s.nonNegativeDouble("warmupSeconds");
        measureSeconds = s.positiveDouble("measureSeconds");
        seed = s.longValue("seed");
        long epochSeconds = Instant.now().getEpochSecond();
        runId = s.string("runId").isBlank() ? Long.toString(epochSeconds, 36).toUpperCase() : s.string("runId");
        if (!runId.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("runId must be 1-20 letters or digits: " + runId);
        }
        employerPrefix = s.string("employerPrefix").isBlank()
                ? String.format("%06d", epochSeconds % 1_000_000) : s.string("employerPrefix");
        if (!employerPrefix.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("employerPrefix must be 6 digits: " + employerPrefix);
        }
        targetP99Millis = s.positiveDouble("targetP99Millis");

        // the shared HTTP client reads only the connection settings; the other keys are pinned so that
        // -Dbench.* properties meant for the ingest benchmark cannot make its validation fail
        BenchmarkOptions httpOptions = BenchmarkOptions.parse(new String[] {
                "--baseUrl=" + baseUrl, "--healthUrl=" + s.string("healthUrl"), "--user=" + user,
                "--password=" + s.string("password"), "--requestTimeoutSeconds=" + s.positiveInt("requestTimeoutSeconds"),
                "--workers=50", "--linesPerFiling=50", "--filings=1", "--endPeriod=2026-01", "--runId=X",
                "--employerPrefix=000000", "--seed=1", "--concurrency=1", "--rawRows=-1", "--rawBatch=-1"});
        healthUrl = httpOptions.healthUrl.toString();
        http = new BenchmarkHttp(httpOptions);
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchmarkSettings.usage(DEFAULTS));
            return;
        }
        int code;
        try {
            code = new EntitlementQueryBenchmark(BenchmarkSettings.parse(DEFAULTS, args)).run();
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            System.err.println("bad option: " + e.getMessage());
            System.err.print(BenchmarkSettings.usage(DEFAULTS));
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private YearMonth period(int index) {
        return fromPeriod.plusMonths(index);
    }

    private String employerAccount(int employer) {
        return employerPrefix + String.format("%04d", employer);
    }

    /** KHM workers are i = 1 mod 4; every fourth of them (i = 1 mod 16) has a partner period. */
    private static boolean hasPartnerPeriod(int worker) {
        return worker % 16 == 1;
    }

    private int run() throws Exception {
        int filings = employers * months;
        int partnerWorkers = 0;
        for (int i = 0; i < workers; i++) {
            partnerWorkers += hasPartnerPeriod(i) ? 1 : 0;
        }
        say("Mekong Ledger entitlement query benchmark, run %s", runId);
        say("  service %s (health %s), user %s", baseUrl, healthUrl, user);
        say("  set-up: %d employers, %d workers; %d filings of %d lines (%s..%s, %d months), %d clients;"
                        + " wages %s..%s", employers, workers, filings, workersPerEmployer, period(0), period(months - 1),
                months, setupConcurrency, BigDecimal.valueOf(minWageCents, 2).toPlainString(),
                BigDecimal.valueOf(maxWageCents, 2).toPlainString());
        say("  %s on %s for every worker; %s %s..%s for %d KHM workers", "INSURED_STATUS_ENDED", statusEnded,
                partnerScheme, partnerFrom, partnerTo, partnerWorkers);
        say("  measurement: GET /workers/{id}/entitlements?asOf=%s, %d clients, warm-up %.0f s, measured %.0f s",
                asOf, clients, warmupSeconds, measureSeconds);

        Exchange health = http.get(URI.create(healthUrl), false);
        if (health.status() != 200 || !health.body().contains("UP")) {
            say("service is not healthy at %s: %d %s", healthUrl, health.status(), abbreviate(health.body()));
            return 2;
        }

        // 1. set-up (rates printed, not the measurement)
        long setupStart = System.nanoTime();
        Phase employerPhase = runPhase("register employers", employers, e -> http.post("/employers", employerBody(e)),
                201, (e, ex) -> { });
        report(employerPhase);
        String[] workerIds = new String[workers];
        Phase workerPhase = runPhase("register workers", workers, i -> http.post("/workers", workerBody(i)), 201,
                (i, ex) -> workerIds[i] = required(json.readTree(ex.body()), "workerId").asText());
        report(workerPhase);
        if (employerPhase.failed() > 0 || workerPhase.failed() > 0) {
            say("registration failed; nothing filed");
            return 1;
        }

        // filing k: employer k mod E, month k div E; bodies built up front
        byte[][] filingBodies = new byte[filings][];
        for (int k = 0; k < filings; k++) {
            filingBodies[k] = filingBody(k % employers, k / employers, workerIds);
        }
        Phase filingPhase = runPhase("file contributions", filings,
                k -> http.post("/contribution-filings", filingBodies[k]), 201, (k, ex) -> { });
        report(filingPhase);
        say("  %.0f lines/s", filingPhase.perSecond((long) filingPhase.ok() * workersPerEmployer));

        byte[] eventBody = bytes(json.createObjectNode().put("type", "INSURED_STATUS_ENDED")
                .put("date", statusEnded.toString()));
        Phase eventPhase = runPhase("record INSURED_STATUS_ENDED", workers,
                i -> http.post("/workers/" + workerIds[i] + "/events", eventBody), 201, (i, ex) -> { });
        report(eventPhase);

        int[] partnerIndex = new int[partnerWorkers];
        for (int i = 0, n = 0; i < workers; i++) {
            if (hasPartnerPeriod(i)) {
                partnerIndex[n++] = i;
            }
        }
        byte[] periodBody = bytes(json.createObjectNode().put("scheme", partnerScheme)
                .put("from", partnerFrom.toString()).put("to", partnerTo.toString()).put("source", "bench"));
        Phase periodPhase = runPhase("credit partner periods", partnerWorkers,
                n -> http.post("/workers/" + workerIds[partnerIndex[n]] + "/insurance-periods", periodBody), 201,
                (n, ex) -> { });
        report(periodPhase);
        if (filingPhase.failed() > 0 || eventPhase.failed() > 0 || periodPhase.failed() > 0) {
            say("set-up requests failed; not measuring");
            return 1;
        }
        long lastSetupResponse = Math.max(Math.max(filingPhase.lastEndNanos(), eventPhase.lastEndNanos()),
                periodPhase.lastEndNanos());
        say("set-up sent in %.1f s", (lastSetupResponse - setupStart) / 1e9);

        // 2. projections caught up?
        CatchUp catchUp = awaitCatchUp(workerIds, lastSetupResponse);
        if (!catchUp.reached()) {
            say("projections did NOT catch up within %d s: %s", catchUpTimeoutSeconds, catchUp.problem());
            say("not measuring");
            return 2;
        }
        say("projections caught up %.2f s after the last set-up response (%d polls); all %d workers checked in %.2f s",
                catchUp.seconds(), catchUp.polls(), workers, catchUp.checkSeconds());
        say("  last worker's entitlements (asOf %s, %d bytes): %s", asOf, catchUp.sampleBytes(), catchUp.sample());
        say("  %s eligible for %d of %d workers", BENEFIT, catchUp.eligible(), workers);

        // 3. measurement
        Measurement warmup = measure("warm-up", workerIds, warmupSeconds);
        if (warmup != null) {
            say("warm-up: %d requests in %.1f s (%.0f/s), p50 %.2f ms, p99 %.2f ms, errors %d", warmup.count(),
                    warmup.seconds(), warmup.perSecond(), warmup.percentile(50), warmup.percentile(99),
                    warmup.errors());
        }
        Measurement measured = measure("measured", workerIds, measureSeconds);
        summary(filingPhase, catchUp, measured);
        return measured.errors() > 0 ? 1 : 0;
    }

    // ---------------------------------------------------------------- requests

    private byte[] workerBody(int i) {
        int n = i % NATIONALITIES.length;
        String nationality = NATIONALITIES[n];
        // born 1968..1975: the year cycles with i / 4 so each nationality spans every year
        LocalDate born = LocalDate.of(1968 + (i / 4) % 8, 1 + (i * 7) % 12, 1 + (i * 13) % 28);
        ObjectNode body = json.createObjectNode()
                .put("givenName", GIVEN[n][(i / 4) % GIVEN[n].length])
                .put("familyName", FAMILY[n][(i / 32) % FAMILY[n].length])
                .put("dateOfBirth", born.toString())
                .put("sex", i % 2 == 0 ? "F" : "M")
                .put("nationality", nationality);
        body.putArray("documents").addObject()
                .put("type", "PASSPORT")
                .put("number", "BE" + runId.toUpperCase() + String.format("%06d", i))
                .put("issuingCountry", nationality);
        return bytes(body);
    }

    private byte[] employerBody(int e) {
        return bytes(json.createObjectNode()
                .put("employerAccount", employerAccount(e))
                .put("name", "Bench " + runId + " Entitlements Co. " + e));
    }

    private byte[] filingBody(int employer, int month, String[] workerIds) {
        ObjectNode body = json.createObjectNode()
                .put("scheme", scheme)
                .put("employerAccount", employerAccount(employer))
                .put("period", period(month).toString());
        ArrayNode lines = body.putArray("lines");
        for (int j = 0; j < workersPerEmployer; j++) {
            int worker = employer * workersPerEmployer + j;
            lines.addObject()
                    .put("workerId", workerIds[worker])
                    .put("wage", BigDecimal.valueOf(wageCents(worker, month), 2).toPlainString());
        }
        return bytes(body);
    }

    /** Deterministic in (seed, worker, month), whatever order the filings go out in; whole baht. */
    private long wageCents(int worker, int month) {
        long span = (maxWageCents - minWageCents) / 100 + 1;
        long h = new SplittableRandom(seed ^ (worker * 0x9E3779B97F4A7C15L) ^ (month * 0xC2B2AE3D27D4EB4FL)).nextLong();
        return minWageCents + Math.floorMod(h, span) * 100;
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
        for (JsonNode e : json.readTree(ex.body()).path("entitlements")) {
            if (BENEFIT.equals(e.path("benefit").asText())) {
                return e;
            }
        }
        return null;
    }

    /** Every Thai month is counted; a partner period may add more. */
    private boolean countsEveryMonth(int worker, int contributionMonths) {
        return contributionMonths == months || (hasPartnerPeriod(worker) && contributionMonths > months);
    }

    private String entitlementsPath(String workerId) {
        return "/workers/" + workerId + "/entitlements?asOf=" + asOf;
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
            Exchange ledger = http.get("/workers/" + last + "/ledger?size=1");
            String now;
            if (ledger.status() != 200) {
                now = "GET ledger " + ledger.status() + ": " + abbreviate(ledger.body());
            } else {
                long entries = json.readTree(ledger.body()).path("entries").path("totalEntries").asLong(-1);
                if (entries != months) {
                    now = "ledger totalEntries " + entries + " of " + months;
                } else {
                    Exchange ent = http.get(entitlementsPath(last));
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
                Exchange ex = http.get(entitlementsPath(workerIds[i]));
                JsonNode pension = pension(ex);
                int counted = pension == null ? -1 : pension.path("contributionMonths").asInt(-1);
                if (pension != null && countsEveryMonth(i, counted)) {
                    ok[i] = true;
                    eligible += pension.path("eligible").asBoolean() ? 1 : 0;
                    if (i == workers - 1) {
                        sample = benefits(ex.body());
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

    private String benefits(String body) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode e : json.readTree(body).path("entitlements")) {
            out.add(e.path("benefit").asText() + (e.path("eligible").asBoolean() ? " " + e.path("amount").asText()
                    + " " + e.path("periodicity").asText() : " (not eligible)") + ", " + e.path("contributionMonths")
                    .asText() + " months, " + e.path("explanation").size() + " steps");
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- measurement

    /** One client's latencies (nanoseconds), grown as needed. */
    private static final class Recorder {
        long[] nanos = new long[1 << 14];
        int n;
        int errors;
        long lastEnd = Long.MIN_VALUE;

        void add(long latency) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latency;
        }
    }

    private record Measurement(String name, int count, int errors, long startNanos, long endNanos,
                               long[] sortedNanos, Map<Integer, Long> statuses, List<String> failures) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double perSecond() {
            return count / seconds();
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /**
     * {@code clients} threads, each its own loop over random workers, for {@code seconds}: a request counts if it
     * started inside the window (the last ones finish after it; the rate is over first start to last end).
     */
    private Measurement measure(String name, String[] workerIds, double seconds) throws Exception {
        if (seconds <= 0) {
            return null;
        }
        String[] paths = new String[workers];
        for (int i = 0; i < workers; i++) {
            paths[i] = entitlementsPath(workerIds[i]);
        }
        Recorder[] recorders = new Recorder[clients];
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger shown = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                Recorder r = new Recorder();
                recorders[t] = r;
                SplittableRandom random = new SplittableRandom(seed * 31 + t + name.hashCode());
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Exchange ex = http.get(paths[random.nextInt(paths.length)]);
                        r.add(ex.endNanos() - ex.startNanos());
                        r.lastEnd = ex.endNanos();
                        statuses.computeIfAbsent(ex.status(), s -> new LongAdder()).increment();
                        if (ex.status() != 200 || !ex.body().contains("\"entitlements\"")) {
                            r.errors++;
                            if (shown.getAndIncrement() < MAX_FAILURES_SHOWN) {
                                failures.add(ex.status() + ": " + abbreviate(ex.body()));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int count = 0;
        int errors = 0;
        long lastEnd = start;
        for (Recorder r : recorders) {
            count += r.n;
            errors += r.errors;
            lastEnd = Math.max(lastEnd, r.lastEnd);
        }
        long[] all = new long[count];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.nanos, 0, all, at, r.n);
            at += r.n;
        }
        Arrays.sort(all);
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        return new Measurement(name, count, errors, start, lastEnd, all, byStatus, new ArrayList<>(failures));
    }

    // ---------------------------------------------------------------- set-up phases

    private record Phase(String name, int count, int ok, long firstStartNanos, long lastEndNanos,
                         double[] latencyMillis, Map<Integer, Long> statuses, List<String> failures) {
        int failed() {
            return count - ok;
        }

        double seconds() {
            return count == 0 ? 0 : (lastEndNanos - firstStartNanos) / 1e9;
        }

        double perSecond(long n) {
            return n / seconds();
        }

        double percentile(double p) {
            double[] sorted = latencyMillis.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, rank - 1)];
        }
    }

    private interface OnSuccess {
        void accept(int index, Exchange exchange) throws Exception;
    }

    /** {@code setupConcurrency} threads take request indices in order until all are sent. */
    private Phase runPhase(String name, int count, IntFunction<Exchange> call, int expectedStatus, OnSuccess onSuccess)
            throws Exception {
        double[] latency = new double[count];
        long[] firstStart = {Long.MAX_VALUE};
        long[] lastEnd = {Long.MIN_VALUE};
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger shown = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int tick = Math.max(1, count / 10);
        long phaseStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(setupConcurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < setupConcurrency; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        Exchange ex = call.apply(i);
                        synchronized (firstStart) {
                            firstStart[0] = Math.min(firstStart[0], ex.startNanos());
                            lastEnd[0] = Math.max(lastEnd[0], ex.endNanos());
                        }
                        latency[i] = ex.millis();
                        statuses.computeIfAbsent(ex.status(), s -> new LongAdder()).increment();
                        String failure = null;
                        if (ex.status() == expectedStatus) {
                            try {
                                onSuccess.accept(i, ex);
                                ok.incrementAndGet();
                            } catch (Exception e) {
                                failure = "#" + i + " " + ex.status() + " unreadable (" + e.getMessage() + "): "
                                        + abbreviate(ex.body());
                            }
                        } else {
                            failure = "#" + i + " " + ex.status() + ": " + abbreviate(ex.body());
                        }
                        if (failure != null && shown.getAndIncrement() < MAX_FAILURES_SHOWN) {
                            failures.add(failure);
                        }
                        int d = done.incrementAndGet();
                        if (count >= 100 && d % tick == 0 && d < count) {
                            say("  %s: %d/%d (%.1f s)", name, d, count, (System.nanoTime() - phaseStart) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        long first;
        long last;
        synchronized (firstStart) {
            first = count == 0 ? phaseStart : firstStart[0];
            last = count == 0 ? phaseStart : lastEnd[0];
        }
        return new Phase(name, count, ok.get(), first, last, latency, byStatus, new ArrayList<>(failures));
    }

    // ---------------------------------------------------------------- output

    private void report(Phase p) {
        say("%s: %d in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, statuses %s", p.name(), p.count(), p.seconds(),
                p.perSecond(p.count()), p.percentile(50), p.percentile(99), p.statuses());
        if (p.failed() > 0) {
            say("  %d FAILED; first %d:", p.failed(), p.failures().size());
            p.failures().forEach(f -> say("    %s", f));
        }
    }

    private void summary(Phase filingPhase, CatchUp catchUp, Measurement m) {
        double p99 = m.percentile(99);
        boolean pass = m.errors() == 0 && m.count() > 0 && p99 <= targetP99Millis;
        say("");
        say("============== ENTITLEMENT QUERY BENCHMARK SUMMARY (run %s) ==============", runId);
        say("service                 %s", baseUrl);
        say("data                    %d workers x %d months (%s..%s), %d employers; %d filings in %.1f s (%.0f lines/s)",
                workers, months, period(0), period(months - 1), employers, filingPhase.count(), filingPhase.seconds(),
                filingPhase.perSecond((long) filingPhase.ok() * workersPerEmployer));
        say("projection catch-up     %.2f s after the last set-up response", catchUp.seconds());
        say("query                   GET /workers/{id}/entitlements?asOf=%s, %d clients, random workers", asOf,
                clients);
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
                        + " target p99 <= %.0f ms: %s", m.count(), m.perSecond(), m.percentile(50), m.percentile(90), p99,
                m.percentile(100), m.errors(), targetP99Millis, pass ? "PASS" : "FAIL");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("no '" + field + "' in response");
        }
        return value;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 600 ? one : one.substring(0, 600) + "...";
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
