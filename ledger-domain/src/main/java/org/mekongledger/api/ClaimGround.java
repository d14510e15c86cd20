package org.mekongledger.api;

import java.time.LocalDate;

import org.mekongledger.vocabulary.LifeEventType;

/** The life event a claim rests on, e.g. a permanent departure with its date and destination country. */
public record ClaimGround(LifeEventType type, LocalDate date, String country) {
}
