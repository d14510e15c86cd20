package org.mekongledger.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keyed requests: how long a retry waits for the first request with its key before it is told the
 * request is in progress, how long answers are kept, and how often expired ones are deleted.
 */
@ConfigurationProperties(prefix = "ledger.idempotency")
public record IdempotencySettings(Duration lockTimeout, Duration retention, Duration purgeInterval) {
}
