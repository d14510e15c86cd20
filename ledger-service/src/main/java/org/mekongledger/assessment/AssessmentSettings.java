package org.mekongledger.assessment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The entitlement answers' settings; the defaults are in application.yml. How many worker histories
 * are kept in memory, and how long one is kept at most: the bound on staleness should an
 * announcement of a change be lost.
 */
@ConfigurationProperties(prefix = "ledger.entitlements")
record AssessmentSettings(int cacheSize, Duration cacheTtl) {
}
