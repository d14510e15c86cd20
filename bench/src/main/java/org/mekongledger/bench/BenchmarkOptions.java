package org.mekongledger.bench;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the ingest benchmark. Each key is read from a {@code --key=value} argument, else from the
 * system property {@code bench.key}, else its default.
 */
final class BenchmarkOptions {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("baseUrl", "http://localhost:8080/api/v1");
        DEFAULTS.put("healthUrl", "");                       // default: <scheme://host:port of baseUrl>/actuator/health
        DEFAULTS.put("user", "admin");
        DEFAULTS.put("password", "admin");
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
        DEFAULTS.put("runId", "");                           // default: base-36 epoch seconds
        DEFAULTS.put("employerPrefix", "");                  // default: epoch seconds mod 1,000,000 (6 digits)
        DEFAULTS.put("requestTimeoutSeconds", "120");
        DEFAULTS.put("catchUpTimeoutSeconds", "120");
        DEFAULTS.put("pollMillis", "100");
        DEFAULTS.put("rawRows", "-1");                       // default: as many rows as lines ingested
        DEFAULTS.put("rawBatch", "-1");                      // default: linesPerFiling + 1 (one filing's events)
        DEFAULTS.put("skipRaw", "false");
        DEFAULTS.put("targetLinesPerSecond", "5000");
        DEFAULTS.put("targetCatchUpSeconds", "5");
    }

    final URI baseUrl;
    final URI healthUrl;
    final String user;
    final String password;
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
    final String runId;
    final String employerPrefix;
    final int requestTimeoutSeconds;
    final int catchUpTimeoutSeconds;
    final int pollMillis;
    final int rawRows;
    final int rawBatch;
    final boolean skipRaw;
    final double targetLinesPerSecond;
    final double targetCatchUpSeconds;

    private BenchmarkOptions(Map<String, String> v) {
        String base = v.get("baseUrl");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        baseUrl = URI.create(base);
        String health = v.get("healthUrl");
        healthUrl = health.isBlank()
                ? URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + "/actuator/health")
                : URI.create(health);
        user = v.get("user");
        password = v.get("password");
        jdbcUrl = withBatchRewrite(v.get("jdbcUrl"));
        jdbcUser = v.get("jdbcUser");
        jdbcPassword = v.get("jdbcPassword");
        concurrency = positive(v, "concurrency");
        workers = positive(v, "workers");
        filings = positive(v, "filings");
        linesPerFiling = positive(v, "linesPerFiling");
        endPeriod = YearMonth.parse(v.get("endPeriod"));
        scheme = v.get("scheme");
        currency = v.get("currency");
        seed = Long.parseLong(v.get("seed"));
        long epochSeconds = Instant.now().getEpochSecond();
        runId = v.get("runId").isBlank() ? Long.toString(epochSeconds, 36).toUpperCase() : v.get("runId");
        if (!runId.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("runId must be 1-20 letters or digits: " + runId);
        }
        employerPrefix = v.get("employerPrefix").isBlank()
                ? String.format("%06d", epochSeconds % 1_000_000) : v.get("employerPrefix");
        if (!employerPrefix.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("employerPrefix must be 6 digits: " + employerPrefix);
        }
        requestTimeoutSeconds = positive(v, "requestTimeoutSeconds");
        catchUpTimeoutSeconds = positive(v, "catchUpTimeoutSeconds");
        pollMillis = positive(v, "pollMillis");
        rawRows = Integer.parseInt(v.get("rawRows"));
        int batch = Integer.parseInt(v.get("rawBatch"));
        rawBatch = batch > 0 ? batch : linesPerFiling + 1;
        skipRaw = Boolean.parseBoolean(v.get("skipRaw"));
        targetLinesPerSecond = Double.parseDouble(v.get("targetLinesPerSecond"));
        targetCatchUpSeconds = Double.parseDouble(v.get("targetCatchUpSeconds"));

        if (workers % linesPerFiling != 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be a multiple of linesPerFiling ("
                    + linesPerFiling + "): employer e files for workers [e*L, e*L+L)");
        }
        if (employers() > 10_000) {
            throw new IllegalArgumentException("at most 10,000 employers per run (4-digit suffix of the account)");
        }
    }

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
            values.put(d.getKey(), System.getProperty("bench." + d.getKey(), d.getValue()));
        }
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected --key=value, got: " + arg);
            }
            String key = a.substring(0, eq);
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown option: " + key + " (known: " + DEFAULTS.keySet() + ")");
            }
            values.put(key, a.substring(eq + 1));
        }
        return new BenchmarkOptions(values);
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("Options (--key=value or -Dbench.key=value), defaults:\n");
        DEFAULTS.forEach((k, d) -> sb.append("  --").append(k).append('=').append(d).append('\n'));
        return sb.toString();
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
        return employerPrefix + String.format("%04d", employer);
    }

    String passportNumber(int worker) {
        return "BP" + runId.toUpperCase() + String.format("%06d", worker);
    }

    private static int positive(Map<String, String> v, String key) {
        int n = Integer.parseInt(v.get(key));
        if (n <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + n);
        }
        return n;
    }

    private static String withBatchRewrite(String url) {
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
