package org.mekongledger.audit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail is written by a tracking processor of its own: it starts at the first event ever
 * stored (a new deployment audits its whole history) and never skips one. A failure to write is
 * propagated, so the processor retries that event rather than leaving a hole in the trail.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Events per transaction: the trail catches up on a long history in few commits. */
    private static final int BATCH_SIZE = 200;

    @Bean
    ConfigurerModule auditProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(AuditProjection.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE))
                .registerListenerInvocationErrorHandler(AuditProjection.PROCESSOR, c -> PropagatingErrorHandler.instance()));
    }
}
