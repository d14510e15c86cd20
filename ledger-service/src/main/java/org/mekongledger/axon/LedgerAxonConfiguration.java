package org.mekongledger.axon;

import java.time.Clock;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.employer.Employer;
import org.mekongledger.filing.ContributionFiling;
import org.mekongledger.filing.FilingIntake;
import org.mekongledger.filing.FilingPeriodRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain's aggregates and the filing intake into Axon, and tunes the projections. */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    /** Who sent a command travels on every event it causes: every change is attributable. */
    static final String ACTOR = "actor";

    @Bean
    ContributionRuleBook contributionRuleBook() {
        return ContributionRuleBook.loadShipped();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    ConfigurerModule ledgerAggregates(@Value("${ledger.axon.account-cache-size:50000}") int accountCacheSize,
                                      ContributionRuleBook ruleBook, FilingPeriodRegister periods, Clock clock) {
        BoundedAggregateCache accountCache = new BoundedAggregateCache(accountCacheSize);
        BoundedAggregateCache employerCache = new BoundedAggregateCache(10_000);
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(WorkerAccount.class)
                        .configureCache(c -> accountCache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Employer.class)
                        .configureCache(c -> employerCache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ContributionFiling.class))
                .registerCommandHandler(c -> new FilingIntake(c.repository(ContributionFiling.class),
                        c.repository(WorkerAccount.class), c.repository(Employer.class), ruleBook, periods, clock));
    }

    /**
     * Projections are pooled streaming processors. The ledger gets two segments (split by worker)
     * so it keeps pace with filings arriving at thousands of lines a second; the directory is light.
     */
    @Bean
    ConfigurerModule pooledProjections(@Value("${ledger.axon.projection-batch-size:500}") int batchSize,
                                       @Value("${ledger.axon.ledger-segments:2}") int ledgerSegments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((c, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(1))
                .registerPooledStreamingEventProcessorConfiguration("ledger", (c, builder) -> builder
                        .initialSegmentCount(ledgerSegments)));
    }
}
