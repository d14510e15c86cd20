package org.mekongledger.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts of {@link WebSettings} that filters and handlers take on their own. */
@Configuration(proxyBeanMethods = false)
class WebSettingsConfiguration {

    @Bean
    HttpLimits httpLimits(WebSettings settings) {
        return settings.http();
    }

    @Bean
    IdempotencySettings idempotencySettings(WebSettings settings) {
        return settings.idempotency();
    }
}
