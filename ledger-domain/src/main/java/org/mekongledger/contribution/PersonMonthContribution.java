package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The computed Section 33 contribution of one worker for one month under one employer. It names
 * the rule-set version it was computed with, so a stored result stays explainable after the rules
 * change.
 */
public record PersonMonthContribution(YearMonth period, String ruleSetId, String ruleSetVersion, Currency currency,
                                      BigDecimal wage, BigDecimal insurableWage, Map<Party, PartyShare> shares) {

    public PersonMonthContribution {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(wage, "wage");
        Objects.requireNonNull(insurableWage, "insurableWage");
        Objects.requireNonNull(shares, "shares");
        EnumMap<Party, PartyShare> copy = new EnumMap<>(Party.class);
        shares.forEach((party, share) -> copy.put(
                Objects.requireNonNull(party, "party"), Objects.requireNonNull(share, "share of " + party)));
        shares = Collections.unmodifiableMap(copy);
    }

    /** The share of one party; every computed contribution carries all three parties. */
    public PartyShare share(Party party) {
        PartyShare share = shares.get(party);
        if (share == null) {
            throw new IllegalArgumentException("no share for party " + party);
        }
        return share;
    }

    /** Sum of all parties' shares, in the same scale as the shares. */
    public BigDecimal total() {
        BigDecimal zero = BigDecimal.ZERO.setScale(insurableWage.scale());
        return shares.values().stream().map(PartyShare::total).reduce(zero, BigDecimal::add);
    }
}
