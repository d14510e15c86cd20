package org.mekongledger.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new version of a rule set, in force from a date after its latest version; parameters as JSON. */
public record AddRuleSetVersion(@TargetAggregateIdentifier String ruleSetId, String version, LocalDate effectiveFrom,
                                String parameters, org.mekongledger.vocabulary.LegalBasis basis) {
}
