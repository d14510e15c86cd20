package org.mekongledger.registry;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the registry is configured with. The property keeps the name it had when the Axon module
 * sized every cache ({@code ledger.axon.account-cache-size}), so deployments keep working.
 *
 * @param accountCacheSize worker accounts kept in memory between commands
 */
@Validated
@ConfigurationProperties(prefix = "ledger.axon")
record RegistrySettings(@Positive long accountCacheSize) {
}
