package org.mekongledger.commands;

import java.time.Clock;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.axon.AggregateCaches;
import org.mekongledger.employer.Employer;
import org.mekongledger.filing.ContributionFiling;
import org.mekongledger.filing.FilingIntake;
import org.mekongledger.filing.FilingPeriodRegister;
import org.mekongledger.ruleset.RuleSetAmendments;
import org.mekongledger.rulesets.RuleLibrary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain's aggregates and the filing intake into Axon. */
@Configuration(proxyBeanMethods = false)
class AggregateConfiguration {

    @Bean(destroyMethod = "close")
    AggregateCaches aggregateCaches() {
        return new AggregateCaches();
    }

    @Bean
    Cache workerAccountCache(AggregateCaches caches, @Value("${ledger.axon.account-cache-size}") long accountCacheSize) {
        return caches.bounded("worker-accounts", accountCacheSize);
    }

    @Bean
    Cache employerCache(AggregateCaches caches) {
        return caches.bounded("employers", 10_000);
    }

    @Bean
    ConfigurerModule ledgerAggregates(@Qualifier("workerAccountCache") Cache accountCache,
                                      @Qualifier("employerCache") Cache employerCache,
                                      RuleLibrary rules, FilingPeriodRegister periods, Clock clock) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(WorkerAccount.class)
                        .configureCache(c -> accountCache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Employer.class)
                        .configureCache(c -> employerCache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ContributionFiling.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(RuleSetAmendments.class))
                .registerCommandHandler(c -> new FilingIntake(c.repository(ContributionFiling.class),
                        c.repository(WorkerAccount.class), c.repository(Employer.class), rules::contributionBookForFiling, rules::benefitBookForFiling, periods,
                        clock));
    }
}
