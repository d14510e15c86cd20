package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated fact of the worker's life that decides when a benefit becomes payable.
 *
 * @param country destination for {@link LifeEventType#PERMANENT_DEPARTURE} (ISO alpha-3); may be null
 */
public record LifeEvent(LifeEventType type, LocalDate date, String country) {

    public LifeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
    }
}
