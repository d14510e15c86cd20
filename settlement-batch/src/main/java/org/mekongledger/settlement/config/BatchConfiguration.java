package org.mekongledger.settlement.config;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's job repository in PostgreSQL, schema {@code settlement} (tables created by the
 * Flyway migration V1, Spring Batch's own DDL). Boot's {@code spring-boot-batch-jdbc} is not served
 * here, so the JDBC repository is enabled by hand; Boot's batch auto-configuration then backs off.
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing
@EnableJdbcJobRepository(tablePrefix = "settlement.BATCH_")
@EnableConfigurationProperties({SettlementProperties.class, LedgerProperties.class})
public class BatchConfiguration {
}
