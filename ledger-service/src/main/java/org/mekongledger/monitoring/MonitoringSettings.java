package org.mekongledger.monitoring;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the monitoring module is configured with ({@code ledger.projections.*}); the values are
 * stated once, in {@code application.yml}.
 *
 * @param lagThreshold lag in events above which health reports the projections OUT_OF_SERVICE; 0: lag alone never does
 */
@Validated
@ConfigurationProperties(prefix = "ledger.projections")
record MonitoringSettings(@PositiveOrZero long lagThreshold) {
}
