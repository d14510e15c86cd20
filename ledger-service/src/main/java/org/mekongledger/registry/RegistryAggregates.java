package org.mekongledger.registry;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.axon.AggregateCaches;
import org.mekongledger.employer.Employer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's aggregates, workers' accounts and employers, each with a bounded cache. */
@Configuration(proxyBeanMethods = false)
class RegistryAggregates {

    private static final long EMPLOYER_CACHE_SIZE = 10_000;

    /** A bean of its own, so a test can see what the accounts' cache holds (FilingRacesApiTest). */
    @Bean
    Cache workerAccountCache(AggregateCaches caches, @Value("${ledger.axon.account-cache-size}") long accountCacheSize) {
        return caches.bounded("worker-accounts", accountCacheSize);
    }

    @Bean
    ConfigurerModule workerAndEmployerAggregates(AggregateCaches caches,
                                                 @Qualifier("workerAccountCache") Cache accountCache) {
        var employerCache = caches.bounded("employers", EMPLOYER_CACHE_SIZE);
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(WorkerAccount.class)
                        .configureCache(c -> accountCache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Employer.class)
                        .configureCache(c -> employerCache));
    }
}
