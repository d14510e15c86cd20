package org.mekongledger.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mekongledger.bench.BenchmarkHttp.Exchange;

/**
 * On-demand ingest throughput benchmark against a running ledger service (not part of the test suite).
 *
 * <ol>
 *   <li>Registers W workers and W/L employers (unique documents and accounts per run); rate printed, not the
 *       measurement.</li>
 *   <li>Sends F contribution filings of L lines with N concurrent clients: filing k is employer k mod E for
 *       the (k div E)-th of the consecutive months ending at {@code endPeriod}; employer e files for workers
 *       [eL, eL+L). Wages are drawn from a seeded Random between 1,000.00 and 30,000.00 (below the floor and
 *       above the ceiling). Timed from the first request to the last response.</li>
 *   <li>Polls the trial balance until its total debit has grown by the sum of the filings' {@code totals.total}:
 *       the asynchronous projection's catch-up time, measured from the last response.</li>
 *   <li>Inserts as many Axon-shaped event rows as lines ingested over plain JDBC with the same concurrency:
 *       the raw baseline the service is compared with.</li>
 * </ol>
 * Exit status: 0 whatever the targets say (it is a measurement); 1 if any request failed; 2 on a set-up error.
 */
public final class IngestBenchmark {

    private static final int MAX_FAILURES_SHOWN = 5;
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

    private final BenchmarkOptions o;
    private final BenchmarkHttp http;
    private final ObjectMapper json = new ObjectMapper();

    private IngestBenchmark(BenchmarkOptions options) {
        this.o = options;
        this.http = new BenchmarkHttp(options);
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchmarkOptions.usage());
            return;
        }
        int code;
        try {
            code = new IngestBenchmark(BenchmarkOptions.parse(args)).run();
        } catch (IllegalArgumentException e) {
            System.err.println("bad option: " + e.getMessage());
            System.err.print(BenchmarkOptions.usage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    /** Outcome of one concurrent phase of requests. */
    private record Phase(String name, int count, int ok, long firstStartNanos, long lastEndNanos,
                         double[] latencyMillis, Map<Integer, Long> statuses, List<String> failures) {
        int failed() {
            return count - ok;
        }

        double seconds() {
            return (lastEndNanos - firstStartNanos) / 1e9;
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

    /** Handles a response with the expected status; throwing makes it a failure. */
    private interface OnSuccess {
        void accept(int index, Exchange exchange) throws Exception;
    }

    private int run() throws Exception {
        int employers = o.employers();
        int periods = o.periods();
        say("Mekong Ledger ingest benchmark, run %s", o.runId);
        say("  service %s (health %s), user %s", o.baseUrl, o.healthUrl, o.user);
        say("  concurrency %d; %d workers, %d employers; %d filings x %d lines, periods %s..%s",
                o.concurrency, o.workers, employers, o.filings, o.linesPerFiling, o.period(0), o.period(periods - 1));
        say("  raw baseline %s", o.skipRaw ? "skipped" : o.jdbcUrl + " as " + o.jdbcUser);

        Exchange health = http.get(o.healthUrl, false);
        if (health.status() != 200 || !health.body().contains("UP")) {
            say("service is not healthy at %s: %d %s", o.healthUrl, health.status(), abbreviate(health.body()));
            return 2;
        }

        // 1. registration (rate printed, not the measurement)
        String[] workerIds = new String[o.workers];
        Phase workerPhase = runPhase("register workers", o.workers, i -> http.post("/workers", workerBody(i)), 201,
                (i, ex) -> workerIds[i] = required(json.readTree(ex.body()), "workerId").asText());
        report(workerPhase);
        Phase employerPhase = runPhase("register employers", employers,
                e -> http.post("/employers", employerBody(e)), 201, (e, ex) -> { });
        report(employerPhase);
        if (workerPhase.failed() > 0 || employerPhase.failed() > 0) {
            say("registration failed; no filings sent");
            return 1;
        }

        // 2. filings, built before the clock starts
        byte[][] filings = new byte[o.filings][];
        Random random = new Random(o.seed);
        for (int k = 0; k < o.filings; k++) {
            filings[k] = filingBody(k % employers, o.period(k / employers), workerIds, random);
        }

        // 3. trial-balance baseline
        BigDecimal[] baseline = trialBalance();
        if (baseline == null) {
            return 1;
        }
        say("trial balance before: debit %s, credit %s %s", baseline[0].toPlainString(),
                baseline[1].toPlainString(), o.currency);

        BigDecimal[] totals = new BigDecimal[o.filings];
        Phase filingPhase = runPhase("file contributions", o.filings,
                k -> http.post("/contribution-filings", filings[k]), 201,
                (k, ex) -> totals[k] = new BigDecimal(
                        required(required(json.readTree(ex.body()), "totals"), "total").asText()));
        report(filingPhase);
        BigDecimal expected = BigDecimal.ZERO;
        long lines = 0;
        for (BigDecimal t : totals) {
            if (t != null) {
                expected = expected.add(t);
                lines += o.linesPerFiling;
            }
        }

        // 4. projection catch-up
        CatchUp catchUp = awaitProjection(baseline[0], expected, filingPhase.lastEndNanos());

        // 5. raw JDBC baseline
        RawInsertBenchmark.Result raw = null;
        String rawError = null;
        int rawRows = o.rawRows > 0 ? o.rawRows : (int) lines;
        if (o.skipRaw) {
            rawError = "skipped";
        } else if (rawRows == 0) {
            rawError = "no lines ingested";
        } else {
            say("raw JDBC baseline: %d rows in batches of %d, %d connections ...", rawRows, o.rawBatch, o.concurrency);
            try {
                raw = new RawInsertBenchmark(o).run(rawRows);
            } catch (Exception e) {
                rawError = e.toString();
            }
        }

        summary(workerPhase, employerPhase, filingPhase, lines, expected, catchUp, raw, rawError);
        return filingPhase.failed() > 0 ? 1 : 0;
    }

    // ---------------------------------------------------------------- requests

    private byte[] workerBody(int i) {
        int n = i % NATIONALITIES.length;
        String nationality = NATIONALITIES[n];
        ObjectNode body = json.createObjectNode()
                .put("givenName", GIVEN[n][(i / 4) % GIVEN[n].length])
                .put("familyName", FAMILY[n][(i / 32) % FAMILY[n].length])
                .put("dateOfBirth", LocalDate.of(1970, 1, 1).plusDays((i * 37L) % 12_800).toString())
                .put("sex", i % 2 == 0 ? "F" : "M")
                .put("nationality", nationality);
        body.putArray("documents").addObject()
                .put("type", "PASSPORT")
                .put("number", o.passportNumber(i))
                .put("issuingCountry", nationality);
        return bytes(body);
    }

    private byte[] employerBody(int e) {
        return bytes(json.createObjectNode()
                .put("employerAccount", o.employerAccount(e))
                .put("name", "Bench " + o.runId + " Co. " + e));
    }

    private byte[] filingBody(int employer, YearMonth period, String[] workerIds, Random random) {
        ObjectNode body = json.createObjectNode()
                .put("scheme", o.scheme)
                .put("employerAccount", o.employerAccount(employer))
                .put("period", period.toString());
        ArrayNode lines = body.putArray("lines");
        for (int j = 0; j < o.linesPerFiling; j++) {
            long cents = 100_000 + random.nextInt(2_900_001);   // 1,000.00 .. 30,000.00
            lines.addObject()
                    .put("workerId", workerIds[employer * o.linesPerFiling + j])
                    .put("wage", BigDecimal.valueOf(cents, 2).toPlainString());
        }
        return bytes(body);
    }

    /** {totalDebit, totalCredit}, or null (reported) if the call failed. */
    private BigDecimal[] trialBalance() {
        Exchange ex = http.get("/ledger/trial-balance?currency=" + o.currency);
        if (ex.status() != 200) {
            say("GET /ledger/trial-balance failed: %d %s", ex.status(), abbreviate(ex.body()));
            return null;
        }
        try {
            JsonNode tb = json.readTree(ex.body());
            return new BigDecimal[] {new BigDecimal(required(tb, "totalDebit").asText()),
                    new BigDecimal(required(tb, "totalCredit").asText())};
        } catch (Exception e) {
            say("GET /ledger/trial-balance: unreadable body (%s): %s", e.getMessage(), abbreviate(ex.body()));
            return null;
        }
    }

    private record CatchUp(boolean reached, double seconds, BigDecimal observed, BigDecimal debit,
                           BigDecimal credit, int polls) {
    }

    private CatchUp awaitProjection(BigDecimal baselineDebit, BigDecimal expected, long lastResponseNanos)
            throws InterruptedException {
        long deadline = lastResponseNanos + o.catchUpTimeoutSeconds * 1_000_000_000L;
        BigDecimal observed = null;
        BigDecimal debit = null;
        BigDecimal credit = null;
        int polls = 0;
        while (true) {
            Exchange ex = http.get("/ledger/trial-balance?currency=" + o.currency);
            polls++;
            if (ex.status() == 200) {
                try {
                    JsonNode tb = json.readTree(ex.body());
                    debit = new BigDecimal(required(tb, "totalDebit").asText());
                    credit = new BigDecimal(required(tb, "totalCredit").asText());
                    observed = debit.subtract(baselineDebit);
                    if (observed.compareTo(expected) == 0) {
                        return new CatchUp(true, (ex.endNanos() - lastResponseNanos) / 1e9, observed, debit, credit,
                                polls);
                    }
                } catch (Exception e) {
                    say("  trial balance unreadable (%s): %s", e.getMessage(), abbreviate(ex.body()));
                }
            } else {
                say("  trial balance poll: %d %s", ex.status(), abbreviate(ex.body()));
            }
            if (System.nanoTime() >= deadline) {
                return new CatchUp(false, (System.nanoTime() - lastResponseNanos) / 1e9, observed, debit, credit,
                        polls);
            }
            Thread.sleep(o.pollMillis);
        }
    }

    // ---------------------------------------------------------------- concurrency

    /** N client threads take request indices in order until all are sent; each thread reuses its connection. */
    private Phase runPhase(String name, int count, IntFunction<Exchange> call, int expectedStatus, OnSuccess onSuccess)
            throws Exception {
        double[] latency = new double[count];
        LongAccumulator firstStart = new LongAccumulator(Math::min, Long.MAX_VALUE);
        LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger shownFailures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int tick = Math.max(1, count / 10);
        long phaseStart = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(o.concurrency);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < o.concurrency; t++) {
                clients.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        Exchange ex = call.apply(i);
                        firstStart.accumulate(ex.startNanos());
                        lastEnd.accumulate(ex.endNanos());
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
                        if (failure != null && shownFailures.getAndIncrement() < MAX_FAILURES_SHOWN) {
                            failures.add(failure);
                        }
                        int d = done.incrementAndGet();
                        if (d % tick == 0 && d < count) {
                            say("  %s: %d/%d (%.1f s)", name, d, count, (System.nanoTime() - phaseStart) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        return new Phase(name, count, ok.get(), firstStart.get(), lastEnd.get(), latency, byStatus,
                new ArrayList<>(failures));
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

    private void summary(Phase workers, Phase employers, Phase filings, long lines, BigDecimal expected,
                         CatchUp catchUp, RawInsertBenchmark.Result raw, String rawError) {
        double linesPerSecond = filings.perSecond(lines);
        boolean throughputOk = filings.failed() == 0 && linesPerSecond >= o.targetLinesPerSecond;
        boolean catchUpOk = lines > 0 && catchUp.reached() && catchUp.seconds() <= o.targetCatchUpSeconds;

        say("");
        say("==================== INGEST BENCHMARK SUMMARY (run %s) ====================", o.runId);
        say("service                 %s, concurrency %d", o.baseUrl, o.concurrency);
        say("registration            %d workers in %.2f s (%.0f/s); %d employers in %.2f s (%.0f/s)",
                workers.count(), workers.seconds(), workers.perSecond(workers.count()),
                employers.count(), employers.seconds(), employers.perSecond(employers.count()));
        say("filings sent            %d (accepted %d, failed %d), statuses %s",
                filings.count(), filings.ok(), filings.failed(), filings.statuses());
        say("lines ingested          %d", lines);
        say("wall time               %.3f s (first request to last response)", filings.seconds());
        say("throughput              %.0f lines/s, %.1f filings/s", linesPerSecond, filings.perSecond(filings.ok()));
        say("filing latency          p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                filings.percentile(50), filings.percentile(99), filings.percentile(100));
        say("expected debit increase %s %s (sum of totals.total)", expected.toPlainString(), o.currency);
        if (catchUp.reached()) {
            say("projection catch-up     %.2f s after the last response (%d polls)", catchUp.seconds(),
                    catchUp.polls());
        } else {
            say("projection catch-up     NOT REACHED within %d s: debit increase %s of %s (%d polls)",
                    o.catchUpTimeoutSeconds, catchUp.observed() == null ? "unknown" : catchUp.observed().toPlainString(),
                    expected.toPlainString(), catchUp.polls());
        }
        if (catchUp.debit() != null) {
            say("trial balance after     debit %s, credit %s (%s)", catchUp.debit().toPlainString(),
                    catchUp.credit().toPlainString(),
                    catchUp.debit().compareTo(catchUp.credit()) == 0 ? "balanced" : "NOT BALANCED");
        }
        if (raw != null) {
            say("raw JDBC insert         %d rows in %.3f s = %.0f rows/s (%d txs of <= %d rows, %d connections,"
                            + " payload ~%.0f B, metadata ~%.0f B, %d rows in table%s)",
                    raw.rows(), raw.nanos() / 1e9, raw.rowsPerSecond(), raw.batches(), raw.batchSize(),
                    o.concurrency, raw.avgPayloadBytes(), raw.avgMetaDataBytes(), raw.rowsInTable(),
                    raw.failedBatches() > 0 ? ", " + raw.failedBatches() + " FAILED txs: " + raw.firstError() : "");
            say("service / raw ratio     %.3f (service lines/s / raw rows/s)", linesPerSecond / raw.rowsPerSecond());
        } else {
            say("raw JDBC insert         n/a (%s)", rawError);
            say("service / raw ratio     n/a");
        }
        say("target throughput       >= %.0f lines/s: %s", o.targetLinesPerSecond, throughputOk ? "PASS" : "FAIL");
        say("target catch-up         <= %.1f s: %s", o.targetCatchUpSeconds, catchUpOk ? "PASS" : "FAIL");
        say("overall                 %s%s", throughputOk && catchUpOk ? "PASS" : "FAIL",
                filings.failed() > 0 ? " (requests failed: exit 1)" : "");
        say("===========================================================================");
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
