package org.mekongledger.bench;

import static org.mekongledger.bench.Out.abbreviate;
import static org.mekongledger.bench.Out.say;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

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

    private final IngestOptions o;
    private final LedgerApiClient api;

    private IngestBenchmark(IngestOptions options) {
        this.o = options;
        this.api = new LedgerApiClient(options.endpoint);
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, IngestOptions.DEFAULTS, s -> new IngestBenchmark(new IngestOptions(s)).run());
    }

    private int run() throws Exception {
        int employers = o.employers();
        int periods = o.periods();
        String runId = o.run.runId();
        say("Mekong Ledger ingest benchmark, run %s", runId);
        say("  service %s (health %s), user %s", o.endpoint.baseUrl(), o.endpoint.healthUrl(), o.endpoint.user());
        say("  concurrency %d; %d workers, %d employers; %d filings x %d lines, periods %s..%s",
                o.concurrency, o.workers, employers, o.filings, o.linesPerFiling, o.period(0), o.period(periods - 1));
        say("  raw baseline %s", o.skipRaw ? "skipped" : o.jdbcUrl + " as " + o.jdbcUser);

        Exchange health = api.health();
        if (!LedgerApiClient.isUp(health)) {
            say("service is not healthy at %s: %d %s", o.endpoint.healthUrl(), health.status(),
                    abbreviate(health.body()));
            return 2;
        }

        // 1. registration (rate printed, not the measurement)
        String[] workerIds = new String[o.workers];
        RequestPhase workerPhase = RequestPhase.run("register workers", o.workers, o.concurrency,
                i -> api.registerWorker(i, LocalDate.of(1970, 1, 1).plusDays((i * 37L) % 12_800), o.passportNumber(i)),
                (i, ex) -> workerIds[i] = api.workerId(ex));
        RequestPhase employerPhase = RequestPhase.run("register employers", employers, o.concurrency,
                e -> api.registerEmployer(o.employerAccount(e), "Bench " + runId + " Co. " + e), (e, ex) -> { });
        if (workerPhase.failed() > 0 || employerPhase.failed() > 0) {
            say("registration failed; no filings sent");
            return 1;
        }

        // 2. filings, built before the clock starts; wages 1,000.00 .. 30,000.00
        byte[][] filings = new byte[o.filings][];
        Random random = new Random(o.seed);
        for (int k = 0; k < o.filings; k++) {
            int employer = k % employers;
            filings[k] = api.filingBody(o.scheme, o.employerAccount(employer), o.period(k / employers), workerIds,
                    employer * o.linesPerFiling, o.linesPerFiling, worker -> 100_000 + random.nextInt(2_900_001));
        }

        // 3. trial-balance baseline
        BigDecimal[] baseline = trialBalance();
        if (baseline == null) {
            return 1;
        }
        say("trial balance before: debit %s, credit %s %s", baseline[0].toPlainString(),
                baseline[1].toPlainString(), o.currency);

        BigDecimal[] totals = new BigDecimal[o.filings];
        RequestPhase filingPhase = RequestPhase.run("file contributions", o.filings, o.concurrency,
                k -> api.file(filings[k]), (k, ex) -> totals[k] = api.filingTotal(ex));
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

    // ---------------------------------------------------------------- trial balance

    /** {totalDebit, totalCredit}, or null (reported) if the call failed. */
    private BigDecimal[] trialBalance() {
        Exchange ex = api.trialBalance(o.currency);
        if (ex.status() != 200) {
            say("GET /ledger/trial-balance failed: %d %s", ex.status(), abbreviate(ex.body()));
            return null;
        }
        try {
            return api.debitAndCredit(ex);
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
            Exchange ex = api.trialBalance(o.currency);
            polls++;
            if (ex.status() == 200) {
                try {
                    BigDecimal[] tb = api.debitAndCredit(ex);
                    debit = tb[0];
                    credit = tb[1];
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

    // ---------------------------------------------------------------- output

    private void summary(RequestPhase workers, RequestPhase employers, RequestPhase filings, long lines,
                         BigDecimal expected, CatchUp catchUp, RawInsertBenchmark.Result raw, String rawError) {
        double linesPerSecond = filings.perSecond(lines);
        boolean throughputOk = filings.failed() == 0 && linesPerSecond >= o.targetLinesPerSecond;
        boolean catchUpOk = lines > 0 && catchUp.reached() && catchUp.seconds() <= o.targetCatchUpSeconds;

        say("");
        say("==================== INGEST BENCHMARK SUMMARY (run %s) ====================", o.run.runId());
        say("service                 %s, concurrency %d", o.endpoint.baseUrl(), o.concurrency);
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
}
