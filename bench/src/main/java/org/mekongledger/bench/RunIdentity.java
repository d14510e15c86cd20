package org.mekongledger.bench;

import java.time.Instant;
import java.util.Map;

/**
 * Per-run prefixes of passport numbers and employer accounts, derived from the clock by default so that a re-run
 * against the same database does not collide with the data of an earlier one.
 */
record RunIdentity(String runId, String employerPrefix) {

    static void addDefaults(Map<String, String> defaults) {
        defaults.put("runId", "");                           // default: base-36 epoch seconds
        defaults.put("employerPrefix", "");                  // default: epoch seconds mod 1,000,000 (6 digits)
    }

    static RunIdentity from(BenchmarkSettings s) {
        long epochSeconds = Instant.now().getEpochSecond();
        String runId = s.string("runId").isBlank() ? Long.toString(epochSeconds, 36).toUpperCase() : s.string("runId");
        if (!runId.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("runId must be 1-20 letters or digits: " + runId);
        }
        String employerPrefix = s.string("employerPrefix").isBlank()
                ? String.format("%06d", epochSeconds % 1_000_000) : s.string("employerPrefix");
        if (!employerPrefix.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("employerPrefix must be 6 digits: " + employerPrefix);
        }
        return new RunIdentity(runId, employerPrefix);
    }

    /** Accounts are the 6-digit prefix and a 4-digit index. */
    static void requireAccountsFor(int employers) {
        if (employers > 10_000) {
            throw new IllegalArgumentException("at most 10,000 employers per run (4-digit suffix of the account)");
        }
    }

    String employerAccount(int employer) {
        return employerPrefix + String.format("%04d", employer);
    }

    String passportNumber(String prefix, int worker) {
        return prefix + runId.toUpperCase() + String.format("%06d", worker);
    }
}
