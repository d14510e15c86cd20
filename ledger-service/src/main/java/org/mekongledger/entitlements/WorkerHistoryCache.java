package org.mekongledger.entitlements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.mekongledger.ledger.WorkerLedgerChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps recently asked-for worker histories in memory: an officer's screen asks for the same
 * worker again and again, and reading 240 months from the journal costs far more than the engine.
 * An entry is forgotten as soon as a projection commits a change for that worker; the time limit
 * bounds staleness when another replica's projection made the change.
 */
@Component
class WorkerHistoryCache {

    /** A history and the answers already given from it (a few as-of dates), dropped together. */
    private record Cached(WorkerHistory history, Instant until, Map<String, Object> answers) {
    }

    private static final int ANSWERS_PER_WORKER = 8;

    private static final int STRIPES = 1024;
    private final Map<String, Cached> entries;
    /** Bumped on every change, so a load that raced with a change is not kept. */
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final Duration timeToLive;
    private final Clock clock;

    WorkerHistoryCache(@Value("${ledger.entitlements.cache-size:20000}") int maxEntries,
                       @Value("${ledger.entitlements.cache-ttl:30s}") Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The answer to a question about a worker's history (e.g. "entitlements as of 2026-01-01"),
     * computed at most once while the history stands; null when there is no such worker.
     */
    @SuppressWarnings("unchecked")
    <T> T answer(String workerId, String question, Supplier<WorkerHistory> load,
                 java.util.function.Function<WorkerHistory, T> compute) {
        Cached cached = cached(workerId, load);
        if (cached == null) {
            return null;
        }
        synchronized (cached.answers()) {
            Object known = cached.answers().get(question);
            if (known != null) {
                return (T) known;
            }
        }
        T answer = compute.apply(cached.history());
        synchronized (cached.answers()) {
            if (cached.answers().size() < ANSWERS_PER_WORKER) {
                cached.answers().put(question, answer);
            }
        }
        return answer;
    }

    private Cached cached(String workerId, Supplier<WorkerHistory> load) {
        Instant now = clock.instant();
        synchronized (entries) {
            Cached cached = entries.get(workerId);
            if (cached != null && now.isBefore(cached.until())) {
                return cached;
            }
        }
        long generation = generations.get(stripe(workerId));
        WorkerHistory loaded = load.get();
        if (loaded == null) {
            return null;
        }
        Cached fresh = new Cached(loaded, now.plus(timeToLive), new java.util.HashMap<>());
        if (generations.get(stripe(workerId)) == generation) {
            synchronized (entries) {
                entries.put(workerId, fresh);
            }
        }
        return fresh;
    }

    @EventListener
    void on(WorkerLedgerChanged changed) {
        changed.workerIds().forEach(this::forget);
    }

    /** Forget now, or once the current unit of work has committed what changed. */
    void forgetAfterCommit(String workerId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> forget(workerId));
        } else {
            forget(workerId);
        }
    }

    void forget(String workerId) {
        generations.incrementAndGet(stripe(workerId));
        synchronized (entries) {
            entries.remove(workerId);
        }
    }

    private static int stripe(String workerId) {
        return Math.floorMod(workerId.hashCode(), STRIPES);
    }
}
