package org.mekongledger.entitlements;

import org.mekongledger.entitlement.EntitlementEngine;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EntitlementConfiguration {

    @Bean
    EntitlementEngine entitlementEngine() {
        return new EntitlementEngine(EntitlementRuleBook.loadShipped());
    }
}
