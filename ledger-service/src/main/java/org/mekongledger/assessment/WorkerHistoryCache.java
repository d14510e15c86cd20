package org.mekongledger.assessment;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Supplier;

import org.mekongledger.axon.AfterCommit;
import org.mekongledger.ledger.WorkerLedgerChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps recently asked-for worker histories in memory: an officer's screen asks for the same
 * worker again and again, and reading 240 months from the journal costs far more than the engine.
 * An entry is forgotten when this replica's projection commits a change for the worker, when any
 * replica's change is announced (PostgreSQL NOTIFY, see {@link WorkerChangeListener}), and after
 * the time limit at the latest, which bounds staleness if an announcement is lost.
 */
@Component
class WorkerHistoryCache {

    /** A history and the answers already given from it (a few as-of dates), dropped together. */
    private record Cached(WorkerHistory history, Map<String, Object> answers) {
    }

    private static final int ANSWERS_PER_WORKER = 8;

    private static final int STRIPES = 1024;
    private final Cache<String, Cached> entries;
    /** Bumped on every change, so a load that raced with a change is not kept. */
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

    WorkerHistoryCache(@Value("${ledger.entitlements.cache-size:20000}") int maxEntries,
                       @Value("${ledger.entitlements.cache-ttl:30s}") Duration timeToLive) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(timeToLive)
                .build();
    }

    /**
     * The answer to a question about a worker's history (e.g. "entitlements as of 2026-01-01"),
     * computed at most once while the history stands; null when there is no such worker.
     */
    @SuppressWarnings("unchecked")
    <T> T answer(String workerId, String question, Supplier<WorkerHistory> load, Function<WorkerHistory, T> compute) {
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
        Cached known = entries.getIfPresent(workerId);
        if (known != null) {
            return known;
        }
        long generation = generations.get(stripe(workerId));
        WorkerHistory loaded = load.get();
        if (loaded == null) {
            return null;
        }
        Cached fresh = new Cached(loaded, new HashMap<>());
        // kept only if no change was announced while it loaded; the check and the put are atomic
        // against forget(), which bumps the generation before it invalidates
        entries.asMap().compute(workerId, (id, current) ->
                generations.get(stripe(workerId)) == generation ? fresh : current);
        return fresh;
    }

    @EventListener
    void on(WorkerLedgerChanged changed) {
        changed.workerIds().forEach(this::forget);
    }

    /** Forget now, or once the current unit of work has committed what changed. */
    void forgetAfterCommit(String workerId) {
        AfterCommit.run(() -> forget(workerId));
    }

    void forget(String workerId) {
        generations.incrementAndGet(stripe(workerId));
        entries.invalidate(workerId);
    }

    /** After announcements may have been missed (the listening connection was lost). */
    void forgetAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        entries.invalidateAll();
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static int stripe(String workerId) {
        return Math.floorMod(workerId.hashCode(), STRIPES);
    }
}
