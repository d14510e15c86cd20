package org.mekongledger.api;

import java.time.LocalDate;

import org.mekongledger.vocabulary.LifeEventType;

public record LifeEventRecorded(String workerId, LifeEventType type, LocalDate date, String country) {
}
