package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static org.mekongledger.entitlement.RuleSetChecks.require;
import static org.mekongledger.entitlement.RuleSetChecks.text;

/**
 * A benefit a welfare fund pays once when a covered event happens.
 *
 * @param benefit   e.g. {@code DEATH_BENEFIT}
 * @param events    the life events that trigger it; the earliest recorded one counts
 * @param amount    what the engine states as owed, in the fund's currency
 * @param upTo      the top of the range when the fund sets the amount on assessment (Viet Nam pays
 *                  VND 10-30 million after an accident); null when the amount is fixed
 * @param payableTo who receives it, e.g. WORKER, RELATIVES
 */
public record FundBenefit(String benefit, Set<LifeEventType> events, BigDecimal amount, BigDecimal upTo,
                          String payableTo) {

    public FundBenefit {
        text(benefit, "benefit");
        require(events != null && !events.isEmpty(), "events of " + benefit + " must name at least one life event");
        events = Collections.unmodifiableSet(EnumSet.copyOf(events));
        require(amount != null && amount.signum() >= 0, "amount of " + benefit + " must be a non-negative amount");
        require(upTo == null || upTo.compareTo(amount) >= 0, "upTo of " + benefit + " is below its amount");
        text(payableTo, "payableTo of " + benefit);
    }
}
