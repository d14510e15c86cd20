package org.mekongledger.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The cache reads a worker's history once while it stands, and again after a change or a rules revision. */
class WorkerHistoryCacheTest {

    private static final WorkerId AYE = new WorkerId("7d1f1c4e-2b0a-4c55-9a51-3f6f8f2f0a11");

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong libraryRevision = new AtomicLong(1);
    private final WorkerHistoryCache cache = new WorkerHistoryCache(new CountingHistories(),
            new AssessmentSettings(100, Duration.ofMinutes(5)));

    @Test
    void aHistoryIsReadOnceWhileNothingChanges() {
        assertThat(cache.historyOf(AYE, 1)).isPresent();
        assertThat(cache.historyOf(AYE, 1)).isPresent();

        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeAnnouncedForTheWorkerMakesTheNextAnswerReadItAgain() {
        cache.historyOf(AYE, 1);
        cache.forget(AYE);
        cache.historyOf(AYE, 1);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aHistoryCappedUnderAnOlderRulesRevisionIsReadAgainUnderTheNewOne() {
        cache.historyOf(AYE, 1);
        libraryRevision.set(2);

        Optional<WorkerHistory> again = cache.historyOf(AYE, 2);

        assertThat(reads).hasValue(2);
        assertThat(again).map(WorkerHistory::rulesRevision).contains(2L);
        cache.historyOf(AYE, 2);
        assertThat(reads).hasValue(2);
    }

    /** Stands in for the read models: counts the reads and tags each history with the library's revision. */
    private final class CountingHistories extends WorkerHistories {

        CountingHistories() {
            super(null, null, null, null);
        }

        @Override
        Optional<WorkerHistory> of(WorkerId worker) {
            reads.incrementAndGet();
            return Optional.of(new WorkerHistory(LocalDate.of(1990, 4, 1), "MMR", List.of(), Map.of(), List.of(),
                    List.of(), libraryRevision.get()));
        }
    }
}
