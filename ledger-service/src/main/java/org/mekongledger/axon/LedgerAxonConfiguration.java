package org.mekongledger.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Attribution of every event to its actor, and how the projections run. */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    /** Who sent a command travels on every event it causes: every change is attributable. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(LedgerCommands.ACTOR);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
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
                        .initialSegmentCount(ledgerSegments))
                // rule-set amendments must be in force the moment their command returns
                .registerSubscribingEventProcessor("rulesets"));
    }
}
