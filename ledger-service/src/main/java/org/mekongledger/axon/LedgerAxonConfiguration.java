package org.mekongledger.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Attribution of every event to its actor, and how the projections run. */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    /** Workers remembered (per segment) as having no dead letter, while some others do. */
    private static final int DEAD_LETTER_CACHE = 10_000;

    /** Who sent a command travels on every event it causes: every change is attributable. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(LedgerCommands.ACTOR);
    }

    /** Aggregates stay cached between commands; each module sizes the caches of its own aggregates. */
    @Bean(destroyMethod = "close")
    AggregateCaches aggregateCaches() {
        return new AggregateCaches();
    }

    /** The retry policy of {@link LedgerCommands}, from {@code ledger.commands.retry}. */
    @Bean
    CommandRetries commandRetries(AxonSettings settings) {
        return settings.commands().retry();
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * The ledger is a pooled streaming processor with two segments (split by worker) so it keeps
     * pace with filings arriving at thousands of lines a second; an event its handlers fail on goes
     * to the dead-letter queue (with every later event of the same worker, to keep their order) and
     * the processor goes on. The directory (workers, employers, life events) and rule-set amendments
     * are subscribing processors: written in the command's own transaction, so a worker is found by
     * any document the moment its registration returns, and a failure there fails the command
     * rather than leaving a gap nobody sees. They are therefore not replayed; their tables are
     * complete from the day they became subscribing (events before that were projected by the
     * streaming processor they replaced).
     */
    @Bean
    ConfigurerModule pooledProjections(AxonSettings settings, DeadLetters deadLetters) {
        int batchSize = settings.axon().projectionBatchSize();
        int ledgerSegments = settings.axon().ledgerSegments();
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((c, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(1))
                .registerPooledStreamingEventProcessorConfiguration("ledger", (c, builder) -> builder
                        .initialSegmentCount(ledgerSegments))
                .registerDeadLetterQueue("ledger", c -> deadLetters.queueFor("ledger"))
                .registerDeadLetterPolicy("ledger", c -> DeadLetters::unlessDatabaseUnavailable)
                // without it every event asks the queue table whether its worker has a dead letter
                .registerDeadLetteringEventHandlerInvokerConfiguration("ledger", (c, builder) -> builder
                        .enableSequenceIdentifierCache()
                        .sequenceIdentifierCacheSize(DEAD_LETTER_CACHE))
                .registerSubscribingEventProcessor("directory")
                .registerListenerInvocationErrorHandler("directory", c -> PropagatingErrorHandler.instance())
                // rule-set amendments must be in force the moment their command returns
                .registerSubscribingEventProcessor("rulesets")
                .registerListenerInvocationErrorHandler("rulesets", c -> PropagatingErrorHandler.instance()));
    }
}
