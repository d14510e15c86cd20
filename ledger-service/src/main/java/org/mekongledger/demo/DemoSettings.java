package org.mekongledger.demo;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The size of the {@code demo} data set ({@code ledger.demo.*}); the values are stated once, in
 * {@code application.yml}, and equal {@link DemoPopulation}'s reference population.
 *
 * @param seed      one seed, one population
 * @param workers   workers registered
 * @param employers employers registered
 * @param reversals filings reversed for a wrong wage and filed again
 * @param threads   commands sent at once (at most 8 are used)
 */
@Validated
@ConfigurationProperties(prefix = "ledger.demo")
record DemoSettings(long seed, @Min(1) int workers, @Min(2) int employers, @PositiveOrZero int reversals,
                    @Min(1) int threads) {
}
