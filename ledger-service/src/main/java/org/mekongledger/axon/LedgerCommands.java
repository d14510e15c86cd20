package org.mekongledger.axon;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command on behalf of the signed-in user, whose name every resulting event carries. A
 * command that lost a race is run again (its unit of work rolled back and evicted the aggregates it
 * loaded, so the retry reads them from the store); one that keeps losing is a
 * {@link ConcurrentChangeConflict}, for the caller to retry later.
 */
@Component
public class LedgerCommands {

    /** Metadata key naming who sent a command; every event the command causes carries it. */
    public static final String ACTOR = "actor";
    /** PostgreSQL's deadlock_detected and serialization_failure: the transaction lost a race. */
    private static final Set<String> LOST_RACE_STATES = Set.of("40P01", "40001");
    private static final Logger log = LoggerFactory.getLogger(LedgerCommands.class);

    private final CommandGateway gateway;
    private final CommandRetries retries;
    private final JdbcClient jdbc;
    private final List<Cache> aggregateCaches;
    private final PrefetchingEventStorageEngine histories;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    LedgerCommands(CommandGateway gateway, CommandRetries retries, JdbcClient jdbc, List<Cache> aggregateCaches,
                   PrefetchingEventStorageEngine histories) {
        this.gateway = gateway;
        this.retries = retries;
        this.jdbc = jdbc;
        this.aggregateCaches = aggregateCaches;
        this.histories = histories;
    }

    public <R> R send(Object command) {
        return sendAs(currentActor(), command);
    }

    /** For work no signed-in user does, such as seeding demo data. */
    public <R> R sendAs(String actor, Object command) {
        return sendAs(actor, command, List.of());
    }

    /**
     * For a command that loads many aggregates (a settlement chunk): the histories of those not
     * cached are read in two queries before each attempt instead of two or three per aggregate as
     * it is loaded. Those are left out of the caches afterwards: a run passes once over a hundred
     * thousand accounts, and caching each pushed the hot accounts out and kept the collector copying
     * accounts nobody would load again (young pauses of 0.2-1 s and a full one of 1.5 s every half
     * minute, profiled during a 100,000-claim run). The accounts that were cached stay cached.
     */
    public <R> R sendReadingAhead(Collection<String> aggregateIds, Object command) {
        return sendAs(currentActor(), command, aggregateIds);
    }

    /** Of these aggregates, those no cache holds: a cached one is loaded from memory, its history never read. */
    List<String> notCached(Collection<String> aggregateIds) {
        return aggregateIds.stream()
                .filter(id -> aggregateCaches.stream().noneMatch(cache -> cache.containsKey(id)))
                .toList();
    }

    private <R> R sendAs(String actor, Object command, Collection<String> readAhead) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(ACTOR, actor));
        for (int attempt = 1; ; attempt++) {
            try {
                R result;
                // asked each attempt: a lost race empties the caches, and those accounts are read again
                Collection<String> toRead = notCached(readAhead);
                if (!toRead.isEmpty()) {
                    // the commands bus runs the handler on this thread, where the histories wait for it
                    histories.prefetch(toRead);
                }
                try {
                    result = gateway.sendAndWait(message);
                } finally {
                    histories.forget();
                    for (String passingThrough : toRead) {
                        aggregateCaches.forEach(cache -> cache.remove(passingThrough));
                    }
                }
                forgetIfRolledBack();
                return result;
            } catch (RuntimeException failure) {
                if (!lostRace(failure, message)) {
                    throw failure;
                }
                if (attempt >= retries.maxAttempts()) {
                    log.warn("A command lost {} races in a row, last to {}", attempt, failure.getClass().getName());
                    throw new ConcurrentChangeConflict(attempt, failure);
                }
                log.debug("A command lost a race ({}); attempt {} follows", failure.getClass().getName(), attempt + 1);
                pause(attempt);
            }
        }
    }

    /**
     * A race, not a refusal: a concurrent change, a deadlock, or a new stream refused because an
     * aggregate appended in the same batch was stale. A stream that really exists already (an
     * employer account registered twice) is a true duplicate and no retry will change that.
     */
    private boolean lostRace(RuntimeException failure, CommandMessage<?> message) {
        if (failure instanceof ConcurrencyException || failure instanceof LockAcquisitionFailedException) {
            return true;
        }
        if (failure instanceof AggregateStreamCreationException) {
            return !streamExists(message);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && LOST_RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private boolean streamExists(CommandMessage<?> message) {
        String aggregateId;
        try {
            aggregateId = targets.resolveTarget(message).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return false; // a command creating a stream under a fresh id (a filing): never a duplicate
        }
        return jdbc.sql("select exists (select 1 from domain_event_entry where aggregate_identifier = ?)")
                .param(aggregateId).query(Boolean.class).single();
    }

    /**
     * Inside a keyed request the command's unit of work is a savepoint: if the request's transaction
     * rolls back after it, the aggregate caches hold state that never committed, so they are emptied.
     */
    private void forgetIfRolledBack() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    aggregateCaches.forEach(Cache::removeAll);
                }
            }
        });
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retries.pauseMillis(attempt, ThreadLocalRandom.current()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChangeConflict(attempt, interrupted);
        }
    }

    /** Who is signed in, as every event the request causes will name them. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
