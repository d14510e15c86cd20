package org.mekongledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterEmployer(@TargetAggregateIdentifier String employerAccount, String name) {
}
