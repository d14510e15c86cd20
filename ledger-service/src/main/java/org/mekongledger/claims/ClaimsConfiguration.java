package org.mekongledger.claims;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The claims read model is a subscribing processor, like the directory: a claim is readable (and its
 * id routes the next command to its worker) the moment its filing returns, with no register of its
 * own; a failure there fails the command. Not replayed: complete from the day claims began.
 */
@Configuration(proxyBeanMethods = false)
class ClaimsConfiguration {

    @Bean
    ConfigurerModule claimsProjection() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(ClaimProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ClaimProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
