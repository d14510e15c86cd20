package org.mekongledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkDocument(@TargetAggregateIdentifier String workerId, IdentityDocument document) {
}
