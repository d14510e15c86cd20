package org.mekongledger.rulelibrary;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.ruleset.RuleSetAmendments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class RuleSetConfiguration {

    /** Shipped rule sets plus the versions administrators added (read once Flyway has migrated). */
    @Bean
    @DependsOn("flywayInitializer")
    RuleLibrary ruleLibrary(JdbcClient jdbc) {
        return new RuleLibrary(ContributionRuleBook.loadShipped(), EntitlementRuleBook.loadShipped(), jdbc);
    }

    /** One stream per rule set: its versions are amended one at a time, in order. */
    @Bean
    ConfigurerModule ruleSetAmendments() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(RuleSetAmendments.class));
    }
}
