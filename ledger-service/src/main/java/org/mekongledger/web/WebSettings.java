package org.mekongledger.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the web module is configured with, under the property names operators already use:
 * {@code ledger.http.*}, {@code ledger.idempotency.*} and {@code ledger.db.unavailable-retry-after}.
 * The values are stated once, in {@code application.yml}; a missing or impossible one stops the start.
 *
 * @param http        how much a client may send in one request
 * @param idempotency how keyed requests wait for each other and how long their answers are kept
 * @param db          what a client is told while the database is out of reach
 */
@Validated
@ConfigurationProperties(prefix = "ledger")
record WebSettings(@NotNull @Valid HttpLimits http, @NotNull @Valid IdempotencySettings idempotency,
                          @NotNull @Valid Database db) {

    /**
     * Only the web module's part of {@code ledger.db}; the schema and connection timeout are read by
     * Flyway and the pool through placeholders in {@code application.yml}.
     *
     * @param unavailableRetryAfter the {@code Retry-After} of a 503 service-unavailable
     */
    record Database(@NotNull Duration unavailableRetryAfter) {
    }
}
