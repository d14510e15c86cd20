package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import java.time.LocalDate;
import java.util.List;

/**
 * The life events of a case reduced to what the rules ask: the first and the last date of each
 * type, and the permanent departure still in effect. Read once per case, then looked up.
 */
final class LifeEvents {

    private static final int TYPES = LifeEventType.values().length;

    private final LocalDate[] earliest = new LocalDate[TYPES];
    private final LocalDate[] latest = new LocalDate[TYPES];
    private LifeEvent lastDeparture;

    private LifeEvents() {
    }

    static LifeEvents of(List<LifeEvent> events) {
        LifeEvents summary = new LifeEvents();
        for (int i = 0, n = events.size(); i < n; i++) {
            summary.record(events.get(i));
        }
        return summary;
    }

    private void record(LifeEvent event) {
        int t = event.type().ordinal();
        LocalDate date = event.date();
        if (earliest[t] == null || date.isBefore(earliest[t])) {
            earliest[t] = date;
        }
        if (latest[t] == null || date.isAfter(latest[t])) {
            latest[t] = date;
            if (event.type() == LifeEventType.PERMANENT_DEPARTURE) {
                lastDeparture = event;
            }
        }
    }

    /** The first date of the type, or null. */
    LocalDate earliest(LifeEventType type) {
        return earliest[type.ordinal()];
    }

    /** The last date of the type, or null. */
    LocalDate latest(LifeEventType type) {
        return latest[type.ordinal()];
    }

    /**
     * The last permanent departure, unless the worker came back on or after it: a returnee who works
     * again is insured again, and a later departure is recorded as a new event.
     */
    LifeEvent permanentDeparture() {
        LocalDate returned = latest(LifeEventType.RETURNED);
        if (lastDeparture == null || (returned != null && !returned.isBefore(lastDeparture.date()))) {
            return null;
        }
        return lastDeparture;
    }
}
