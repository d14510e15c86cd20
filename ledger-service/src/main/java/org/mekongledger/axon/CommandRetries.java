package org.mekongledger.axon;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

/**
 * How often a command that lost a race (a concurrent change to one of its aggregates, a stale cached
 * aggregate, a deadlock) is run again before the caller is told to retry later, and how long to
 * wait in between: a random time up to {@code backoff} doubled per attempt, at most {@code maxBackoff}.
 * Configured as {@code ledger.commands.retry} ({@link AxonSettings}).
 */
public record CommandRetries(int maxAttempts, @NotNull Duration backoff, @NotNull Duration maxBackoff) {

    public CommandRetries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ledger.commands.retry.max-attempts must be at least 1");
        }
    }

    /** The pause before attempt {@code attempt + 1}, jittered so racing requests spread out. */
    long pauseMillis(int attempt, java.util.random.RandomGenerator random) {
        long ceiling = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempt, 20));
        return ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
    }
}
