package org.mekongledger.api;

import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The employer's workplace is in another province from a month on: filings for that month and
 * later are priced for the new province, earlier ones keep the old.
 */
public record RelocateEmployer(@TargetAggregateIdentifier String employerAccount, String province, YearMonth from) {
}
