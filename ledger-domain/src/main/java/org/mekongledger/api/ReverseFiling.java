package org.mekongledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReverseFiling(@TargetAggregateIdentifier String filingId, String reason) {
}
