package org.mekongledger.web;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** The idempotency filter (placed in the security chain, after authorization) and its purge. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

    @Bean
    IdempotencyFilter idempotencyFilter(DataSource dataSource, PlatformTransactionManager transactionManager,
                                        IdempotencySettings settings, ProblemWriter problems,
                                        ServiceUnavailable unavailable) {
        return new IdempotencyFilter(dataSource, transactionManager, settings, problems, unavailable);
    }
}
