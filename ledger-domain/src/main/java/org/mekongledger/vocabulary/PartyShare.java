package org.mekongledger.vocabulary;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One party's contribution for one person-month, with its split over the fund's branches.
 * The constructor enforces that the branches add up to the total exactly, because the branch
 * ledgers (old-age savings especially) are reconciled against the totals employers file.
 *
 * @param total    the party's share
 * @param branches branch amounts in {@link Branch} declaration order
 */
public record PartyShare(BigDecimal total, Map<Branch, BigDecimal> branches) {

    public PartyShare {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(branches, "branches");
        EnumMap<Branch, BigDecimal> copy = new EnumMap<>(Branch.class);
        branches.forEach((branch, amount) -> copy.put(
                Objects.requireNonNull(branch, "branch"), Objects.requireNonNull(amount, "amount of " + branch)));
        BigDecimal sum = copy.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("branches " + copy + " sum to " + sum + ", not to total " + total);
        }
        branches = Collections.unmodifiableMap(copy);
    }

    /** Amount of one branch; zero when the branch is not part of this share. */
    public BigDecimal branch(Branch branch) {
        return branches.getOrDefault(branch, BigDecimal.ZERO.setScale(total.scale()));
    }
}
