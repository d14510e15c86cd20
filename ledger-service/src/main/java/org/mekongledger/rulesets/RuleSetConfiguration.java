package org.mekongledger.rulesets;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.entitlement.EntitlementRuleBook;
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
}
