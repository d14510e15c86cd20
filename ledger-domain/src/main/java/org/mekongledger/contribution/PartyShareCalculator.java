package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.PartyShare;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes one party's share and splits it over the branches. The share is rounded first (the
 * amount that is actually paid), then split; the remainder branch takes whatever the rounded
 * branches leave so the split can never drift from the paid amount.
 */
final class PartyShareCalculator {

    private static final int PERCENT_DECIMAL_SHIFT = 2;

    private PartyShareCalculator() {
    }

    /**
     * @param insurableWage already clamped, at money scale
     * @param branchRates   percent per branch for this party; contains every {@link Branch}
     * @param moneyScale    decimals of the currency's minor unit; not below the rounding scales
     */
    static PartyShare compute(BigDecimal insurableWage, Map<Branch, BigDecimal> branchRates,
                              ShareRounding rounding, int moneyScale) {
        BigDecimal partyRate = sum(branchRates);
        // multiply and movePointLeft are exact, so the only rounding is the one the rule set names.
        BigDecimal exactShare = insurableWage.multiply(partyRate).movePointLeft(PERCENT_DECIMAL_SHIFT);
        BigDecimal share = rounding.roundShare(exactShare).setScale(moneyScale);

        Map<Branch, BigDecimal> branches = new EnumMap<>(Branch.class);
        BigDecimal allocated = BigDecimal.ZERO;
        for (Map.Entry<Branch, BigDecimal> rate : branchRates.entrySet()) {
            if (rate.getKey() == rounding.remainderBranch()) {
                continue;
            }
            BigDecimal amount = partyRate.signum() == 0
                    ? BigDecimal.ZERO.setScale(moneyScale)
                    : rounding.roundBranch(share, rate.getValue(), partyRate).setScale(moneyScale);
            branches.put(rate.getKey(), amount);
            allocated = allocated.add(amount);
        }
        branches.put(rounding.remainderBranch(), share.subtract(allocated));
        return new PartyShare(share, branches);
    }

    static BigDecimal sum(Map<Branch, BigDecimal> branchRates) {
        return branchRates.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
