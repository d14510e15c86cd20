package org.mekongledger.axon;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "The current month" is the fund's month, in the configured time zone ({@code ledger.time-zone}). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(AxonSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
