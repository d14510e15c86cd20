package org.mekongledger.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

/**
 * Keyed requests: how long a retry waits for the first request with its key before it is told the
 * request is in progress, how long answers are kept, and how often expired ones are deleted.
 * Configured as {@code ledger.idempotency} ({@link WebSettings}).
 */
public record IdempotencySettings(@NotNull Duration lockTimeout, @NotNull Duration retention,
                                  @NotNull Duration purgeInterval) {
}
