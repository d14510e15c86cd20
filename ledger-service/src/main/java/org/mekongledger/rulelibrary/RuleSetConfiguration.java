package org.mekongledger.rulelibrary;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.ruleset.RuleSetAmendments;
import org.mekongledger.ruleset.RuleSetCatalogue;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class RuleSetConfiguration {

    /** Shipped rule sets plus the versions administrators added (read once Flyway has migrated). */
    @Bean
    @DependsOn("flywayInitializer")
    RuleLibrary ruleLibrary(JdbcClient jdbc) {
        return new RuleLibrary(RuleSetCatalogue.shipped(), jdbc);
    }

    /**
     * The catalogue a {@link RuleSetAmendments} command handler decides against, resolved afresh for
     * every amendment (Axon asks the bean factory on each invocation), inside its transaction and
     * under the revision lock. Prototype on purpose: anyone else wants {@link RuleLibrary#catalogue()},
     * which takes no lock; not an autowiring candidate, so nobody receives it by mistake.
     */
    @Bean(autowireCandidate = false)
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    RuleSetCatalogue catalogueForAmendment(RuleLibrary library) {
        return library.catalogueForAmendment();
    }

    /** One stream per rule set: its versions are amended one at a time, in order. */
    @Bean
    ConfigurerModule ruleSetAmendments() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(RuleSetAmendments.class));
    }
}
