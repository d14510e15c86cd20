package org.mekongledger.axon;

import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;

/**
 * Bounded in-process caches for aggregates: Caffeine through its JCache provider, adapted to Axon
 * by {@link JCacheAdapter}. A service started with a small heap keeps the hot accounts in memory
 * without growing with the number of workers (Axon 4.13 ships no bounded cache of its own; its
 * weak-reference cache is emptied by every GC).
 * <p>
 * One JCache manager per instance (a unique URI), so two application contexts in one JVM (tests,
 * a restart) never share or collide on cache names; {@link #close()} releases it.
 */
public final class AggregateCaches implements AutoCloseable {

    private final CacheManager manager;

    public AggregateCaches() {
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName());
        this.manager = provider.getCacheManager(URI.create("mekong-ledger-aggregates-" + UUID.randomUUID()),
                AggregateCaches.class.getClassLoader());
    }

    /** A cache of at most {@code maxEntries} aggregates; the least valuable go first (Caffeine's W-TinyLFU). */
    public Cache bounded(String name, long maxEntries) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        // the repository keeps working on the cached instance: a copy per read would lose that
        configuration.setStoreByValue(false);
        configuration.setStatisticsEnabled(false);
        return new JCacheAdapter(manager.createCache(name, configuration));
    }

    @Override
    public void close() {
        manager.close();
    }
}
