package org.mekongledger.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mekongledger.vocabulary.LifeEventType;

/** A change in the worker's life that decides what they are owed; {@code country} for a departure. */
public record RecordLifeEvent(@TargetAggregateIdentifier String workerId, LifeEventType type, LocalDate date,
                              String country) {
}
