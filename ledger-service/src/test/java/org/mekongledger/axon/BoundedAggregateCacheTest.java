package org.mekongledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsTheMostRecentlyUsedAccountsAndNoMore() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("aye", "account of Aye");
        cache.put("sokha", "account of Sokha");
        assertThat((String) cache.get("aye")).isEqualTo("account of Aye"); // Aye is now the most recent

        cache.put("noy", "account of Noy");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("aye")).isTrue();
        assertThat(cache.containsKey("sokha")).as("least recently used goes first").isFalse();
        assertThat(cache.containsKey("noy")).isTrue();
    }

    @Test
    void tellsListenersWhatWasRemovedAndPutIfAbsentKeepsTheFirst() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<Object> removed = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                removed.add(key);
            }
        });

        assertThat(cache.putIfAbsent("aye", "first")).isTrue();
        assertThat(cache.putIfAbsent("aye", "second")).isFalse();
        assertThat((String) cache.get("aye")).isEqualTo("first");
        assertThat(cache.remove("aye")).isTrue();
        assertThat(cache.remove("aye")).isFalse();

        assertThat(removed).containsExactly("aye");
    }
}
