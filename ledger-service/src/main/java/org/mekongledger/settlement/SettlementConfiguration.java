package org.mekongledger.settlement;

import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.ClaimSettlement;
import org.mekongledger.account.WorkerAccount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settlement chunks are taken by {@link ClaimSettlement}, on the workers' accounts' own repository;
 * approved accounts are snapshotted for them ({@link SnapshotApprovedAccounts}).
 */
@Configuration(proxyBeanMethods = false)
class SettlementConfiguration {

    @Bean
    ConfigurerModule claimSettlement() {
        return configurer -> configurer
                .registerCommandHandler(c -> new ClaimSettlement(c.repository(WorkerAccount.class)))
                .eventProcessing(processing -> processing
                        .registerSubscribingEventProcessor(SnapshotApprovedAccounts.PROCESSING_GROUP));
    }
}
