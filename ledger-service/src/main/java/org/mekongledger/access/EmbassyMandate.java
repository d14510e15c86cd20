package org.mekongledger.access;

import java.util.EnumSet;
import java.util.Set;

import org.mekongledger.security.Officer;
import org.mekongledger.vocabulary.LifeEventType;

/**
 * What an embassy officer may record for a national: the departure or return the embassy witnesses.
 * Death, invalidity or the end of insured status are established by the fund's own officers.
 */
public final class EmbassyMandate {

    public static final Set<LifeEventType> LIFE_EVENTS =
            Set.copyOf(EnumSet.of(LifeEventType.PERMANENT_DEPARTURE, LifeEventType.RETURNED));

    private EmbassyMandate() {
    }

    public static void mayRecord(Officer officer, LifeEventType type) {
        if (officer.limitedTo().isPresent() && !LIFE_EVENTS.contains(type)) {
            throw new BeyondEmbassyMandate("An embassy officer records only a national's PERMANENT_DEPARTURE or RETURNED; "
                    + type + " is recorded by the fund.");
        }
    }
}
