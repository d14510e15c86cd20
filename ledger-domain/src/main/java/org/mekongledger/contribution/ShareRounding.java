package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Branch;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a party's share and its branch amounts are rounded. Kept as rule-set data rather than code
 * because the brief marks the rounding convention "to verify": if the SSO's practice turns out
 * different, a new rule-set version changes it without a release.
 *
 * @param shareScale      decimals of a party's share (0 = whole baht)
 * @param shareMode       rounding of the share
 * @param branchScale     decimals of a branch amount (2 = satang)
 * @param branchMode      rounding of every branch except the remainder branch
 * @param remainderBranch branch that absorbs the rounding remainder, so branches sum to the share
 */
public record ShareRounding(int shareScale, RoundingMode shareMode, int branchScale, RoundingMode branchMode,
                            Branch remainderBranch) {

    public ShareRounding {
        require(shareMode != null, "shareMode is required");
        require(branchMode != null, "branchMode is required");
        require(remainderBranch != null, "remainderBranch is required");
        // UNNECESSARY would turn an ordinary wage into an ArithmeticException at computation time.
        require(shareMode != RoundingMode.UNNECESSARY, "shareMode must actually round");
        require(branchMode != RoundingMode.UNNECESSARY, "branchMode must actually round");
        require(shareScale >= 0, "shareScale must be >= 0, was " + shareScale);
        // Branches split the share, so they cannot be coarser than it.
        require(branchScale >= shareScale,
                "branchScale (" + branchScale + ") must be >= shareScale (" + shareScale + ")");
    }

    BigDecimal roundShare(BigDecimal exactShare) {
        return exactShare.setScale(shareScale, shareMode);
    }

    /** Exact pro-rata part {@code share x part / whole}, rounded once (no intermediate rounding). */
    BigDecimal roundBranch(BigDecimal share, BigDecimal part, BigDecimal whole) {
        return share.multiply(part).divide(whole, branchScale, branchMode);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
