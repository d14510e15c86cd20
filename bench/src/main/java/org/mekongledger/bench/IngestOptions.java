package org.mekongledger.bench;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the ingest benchmark (see {@link BenchmarkSettings} for how they are given). */
final class IngestOptions {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        ServiceEndpoint.addDefaults(DEFAULTS);
        DEFAULTS.put("jdbcUrl", "jdbc:postgresql://localhost:5432/postgres");
        DEFAULTS.put("jdbcUser", "postgres");
        DEFAULTS.put("jdbcPassword", "");
        DEFAULTS.put("concurrency", "8");
        DEFAULTS.put("workers", "20000");
        DEFAULTS.put("filings", "2000");
        DEFAULTS.put("linesPerFiling", "50");
        DEFAULTS.put("endPeriod", "2026-10");
        DEFAULTS.put("scheme", "TH_SSF_S33");
        DEFAULTS.put("currency", "THB");
        DEFAULTS.put("seed", "20261031");
        RunIdentity.addDefaults(DEFAULTS);
        DEFAULTS.put("catchUpTimeoutSeconds", "120");
        DEFAULTS.put("pollMillis", "100");
        DEFAULTS.put("rawRows", "-1");                       // default: as many rows as lines ingested
        DEFAULTS.put("rawBatch", "-1");                      // default: linesPerFiling + 1 (one filing's events)
        DEFAULTS.put("skipRaw", "false");
        DEFAULTS.put("targetLinesPerSecond", "5000");
        DEFAULTS.put("targetCatchUpSeconds", "5");
    }

    final ServiceEndpoint endpoint;
    final RunIdentity run;
    final String jdbcUrl;
    final String jdbcUser;
    final String jdbcPassword;
    final int concurrency;
    final int workers;
    final int filings;
    final int linesPerFiling;
    final YearMonth endPeriod;
    final String scheme;
    final String currency;
    final long seed;
    final int catchUpTimeoutSeconds;
    final int pollMillis;
    final int rawRows;
    final int rawBatch;
    final boolean skipRaw;
    final double targetLinesPerSecond;
    final double targetCatchUpSeconds;

    IngestOptions(BenchmarkSettings s) {
        endpoint = ServiceEndpoint.from(s);
        run = RunIdentity.from(s);
        jdbcUrl = withBatchRewrite(s.string("jdbcUrl"));
        jdbcUser = s.string("jdbcUser");
        jdbcPassword = s.string("jdbcPassword");
        concurrency = s.positiveInt("concurrency");
        workers = s.positiveInt("workers");
        filings = s.positiveInt("filings");
        linesPerFiling = s.positiveInt("linesPerFiling");
        endPeriod = YearMonth.parse(s.string("endPeriod"));
        scheme = s.string("scheme");
        currency = s.string("currency");
        seed = s.longValue("seed");
        catchUpTimeoutSeconds = s.positiveInt("catchUpTimeoutSeconds");
        pollMillis = s.positiveInt("pollMillis");
        rawRows = s.intValue("rawRows");
        int batch = s.intValue("rawBatch");
        rawBatch = batch > 0 ? batch : linesPerFiling + 1;
        skipRaw = s.bool("skipRaw");
        targetLinesPerSecond = s.doubleValue("targetLinesPerSecond");
        targetCatchUpSeconds = s.doubleValue("targetCatchUpSeconds");

        if (workers % linesPerFiling != 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be a multiple of linesPerFiling ("
                    + linesPerFiling + "): employer e files for workers [e*L, e*L+L)");
        }
        RunIdentity.requireAccountsFor(employers());
    }

    /** Employer e files for workers [e*L, e*L+L). */
    int employers() {
        return workers / linesPerFiling;
    }

    /** Consecutive months ending at {@link #endPeriod}, enough for every filing: filing k is (k mod E, k div E). */
    int periods() {
        return (filings + employers() - 1) / employers();
    }

    YearMonth period(int index) {
        return endPeriod.minusMonths(periods() - 1L - index);
    }

    String employerAccount(int employer) {
        return run.employerAccount(employer);
    }

    String passportNumber(int worker) {
        return run.passportNumber("BP", worker);
    }

    private static String withBatchRewrite(String url) {
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
