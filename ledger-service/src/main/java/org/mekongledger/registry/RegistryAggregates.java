package org.mekongledger.registry;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.axon.AggregateCaches;
import org.mekongledger.employer.Employer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's aggregates, workers' accounts and employers, each with a bounded cache. The caches
 * are beans so that LedgerCommands empties them when a request's transaction rolls back after its
 * command ran (a cached aggregate must not keep events that were never stored).
 */
@Configuration(proxyBeanMethods = false)
class RegistryAggregates {

    private static final long EMPLOYER_CACHE_SIZE = 10_000;

    @Bean
    Cache workerAccountCache(AggregateCaches caches, RegistrySettings settings) {
        return caches.bounded("worker-accounts", settings.accountCacheSize());
    }

    @Bean
    Cache employerCache(AggregateCaches caches) {
        return caches.bounded("employers", EMPLOYER_CACHE_SIZE);
    }

    @Bean
    ConfigurerModule workerAndEmployerAggregates(@Qualifier("workerAccountCache") Cache accountCache,
                                                 @Qualifier("employerCache") Cache employerCache) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(WorkerAccount.class)
                        .configureCache(c -> accountCache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Employer.class)
                        .configureCache(c -> employerCache));
    }
}
