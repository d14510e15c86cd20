package org.mekongledger.axon;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the Axon module is configured with, under the property names operators already use:
 * {@code ledger.time-zone}, {@code ledger.axon.*} and {@code ledger.commands.retry.*}. The values
 * are stated once, in {@code application.yml}; a missing or impossible one stops the start.
 *
 * @param timeZone the fund's calendar: "the current month" is the month in this zone
 * @param axon     how the projections run and how the event store treats gaps
 * @param commands how a command that lost a race is run again
 */
@Validated
@ConfigurationProperties(prefix = "ledger")
record AxonSettings(@NotNull ZoneId timeZone, @NotNull @Valid Processing axon, @NotNull @Valid Commands commands) {

    /**
     * @param projectionBatchSize events per projection transaction
     * @param ledgerSegments      parallel segments of the ledger projection (set when its token is first created)
     * @param gaps                the event store's gap window
     */
    record Processing(@Positive int projectionBatchSize, @Positive int ledgerSegments, @NotNull @Valid Gaps gaps) {
    }

    /**
     * @param largestTransaction events in the largest transaction (a 5,000-line filing and its own event)
     * @param timeout            a gap is given up only when the events after it are older than this
     */
    record Gaps(@Positive int largestTransaction, @NotNull Duration timeout) {
    }

    record Commands(@NotNull @Valid CommandRetries retry) {
    }
}
