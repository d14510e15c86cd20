package org.mekongledger.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Months of insurance a partner institution certifies (like the EU's P5000), for totalisation. */
public record CreditInsurancePeriod(@TargetAggregateIdentifier String workerId, String scheme, YearMonth from,
                                    YearMonth to, String source) {
}
