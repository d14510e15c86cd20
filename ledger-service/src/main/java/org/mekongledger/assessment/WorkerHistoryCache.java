package org.mekongledger.assessment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps recently asked-for worker histories in memory: an officer's screen asks for the same
 * worker again and again, and reading 240 months from the journal costs far more than the engine.
 * It keeps histories, not answers, so every answer is computed with the rules of the moment.
 * An entry is forgotten when any replica (this one included) announces a change for the worker
 * (PostgreSQL NOTIFY, see {@link WorkerChangeListener}), and after the time limit at the latest,
 * which bounds staleness if an announcement is lost.
 */
@Component
class WorkerHistoryCache {

    private static final int STRIPES = 1024;

    private final WorkerHistories histories;
    private final Cache<WorkerId, WorkerHistory> entries;
    /** Bumped on every change, so a load that raced with a change is not kept. */
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

    WorkerHistoryCache(WorkerHistories histories, AssessmentSettings settings) {
        this.histories = histories;
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.cacheTtl())
                .build();
    }

    /**
     * The worker's history, read once while it stands and its rules revision is current; empty when
     * there is no such worker.
     */
    Optional<WorkerHistory> historyOf(WorkerId worker, long rulesRevision) {
        WorkerHistory known = entries.getIfPresent(worker);
        if (known != null && known.rulesRevision() >= rulesRevision) {
            return Optional.of(known);
        }
        long generation = generations.get(stripe(worker));
        Optional<WorkerHistory> loaded = histories.of(worker);
        // kept only if no change was announced while it loaded; the check and the put are atomic
        // against forget(), which bumps the generation before it invalidates
        loaded.ifPresent(fresh -> entries.asMap().compute(worker, (id, current) ->
                generations.get(stripe(worker)) == generation ? fresh : current));
        return loaded;
    }

    void forget(WorkerId worker) {
        generations.incrementAndGet(stripe(worker));
        entries.invalidate(worker);
    }

    /** After announcements may have been missed (the listening connection was lost). */
    void forgetAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        entries.invalidateAll();
    }

    private static int stripe(WorkerId worker) {
        return Math.floorMod(worker.hashCode(), STRIPES);
    }
}
