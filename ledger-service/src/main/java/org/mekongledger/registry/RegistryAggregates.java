package org.mekongledger.registry;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.axon.AggregateCaches;
import org.mekongledger.employer.Employer;
import org.springframework.beans.factory.ObjectProvider;
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

    /**
     * How the snapshotter builds an account from its events: Axon's Spring snapshotter looks for the
     * factories of aggregates configured outside Spring (as these are: the domain knows no Spring)
     * among the beans. This one hands over to the factory Axon configured for the account, asked
     * for when first needed (Axon's configuration is built after the beans).
     */
    @Bean
    AggregateFactory<WorkerAccount> workerAccountFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new AggregateFactory<>() {
            @Override
            public WorkerAccount createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                return axon.getObject().aggregateConfiguration(WorkerAccount.class).aggregateFactory()
                        .createAggregateRoot(aggregateIdentifier, firstEvent);
            }

            @Override
            public Class<WorkerAccount> getAggregateType() {
                return WorkerAccount.class;
            }
        };
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
