package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AggregateCachesTest {

    private final AggregateCaches caches = new AggregateCaches();

    @AfterEach
    void close() {
        caches.close();
    }

    @Test
    void holdsNoMoreAccountsThanItsBound() {
        Cache accounts = caches.bounded("worker-accounts", 100);

        IntStream.range(0, 5_000).forEach(i -> accounts.put("worker-" + i, "account " + i));

        // Caffeine evicts in its maintenance cycle; wait for it instead of assuming it is synchronous
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(cached(accounts, 5_000)).isBetween(1L, 100L));
        assertThat((String) accounts.get("worker-4999")).as("the newest is kept").isEqualTo("account 4999");
    }

    @Test
    void putIfAbsentKeepsTheFirstAndListenersHearOfARemoval() {
        Cache accounts = caches.bounded("worker-accounts", 10);
        List<Object> removed = new CopyOnWriteArrayList<>();
        accounts.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                removed.add(key);
            }
        });

        assertThat(accounts.putIfAbsent("aye", "first")).isTrue();
        assertThat(accounts.putIfAbsent("aye", "second")).isFalse();
        assertThat((String) accounts.get("aye")).isEqualTo("first");
        assertThat(accounts.remove("aye")).isTrue();
        assertThat(accounts.remove("aye")).isFalse();
        assertThat(accounts.containsKey("aye")).isFalse();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(removed).containsExactly("aye"));
    }

    @Test
    void twoSetsOfCachesInOneProcessNeverShareEntries() {
        try (AggregateCaches other = new AggregateCaches()) {
            Cache mine = caches.bounded("worker-accounts", 10);
            Cache theirs = other.bounded("worker-accounts", 10);
            mine.put("aye", "mine");

            assertThat(theirs.containsKey("aye")).isFalse();
        }
    }

    private static long cached(Cache cache, int workers) {
        return IntStream.range(0, workers).filter(i -> cache.containsKey("worker-" + i)).count();
    }
}
