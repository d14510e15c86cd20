package org.mekongledger.commands;

import java.time.Clock;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.axon.BoundedAggregateCache;
import org.mekongledger.employer.Employer;
import org.mekongledger.filing.ContributionFiling;
import org.mekongledger.filing.FilingIntake;
import org.mekongledger.filing.FilingPeriodRegister;
import org.mekongledger.ruleset.RuleSetAmendments;
import org.mekongledger.rulesets.RuleLibrary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain's aggregates and the filing intake into Axon. */
@Configuration(proxyBeanMethods = false)
class AggregateConfiguration {

    @Bean
    ConfigurerModule ledgerAggregates(@Value("${ledger.axon.account-cache-size:50000}") int accountCacheSize,
                                      RuleLibrary rules, FilingPeriodRegister periods, Clock clock) {
        BoundedAggregateCache accountCache = new BoundedAggregateCache(accountCacheSize);
        BoundedAggregateCache employerCache = new BoundedAggregateCache(10_000);
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
