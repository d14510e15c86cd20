package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One month of a scheme's insurance with what was paid towards old age. Two employers in one month
 * are ONE month: the caller sums them and caps the wage at that month's ceiling (see
 * {@link WageHistory#combineEmployers}); the engine refuses a month given twice rather than guess.
 *
 * <p>For an overseas workers' welfare fund the same record carries a fee payment: the period is the
 * month the fee was paid, {@code insurableWage} the fee, and both old-age amounts zero.
 *
 * @param employeeOldAge      the employee share's CHILD_ALLOWANCE_OLD_AGE branch
 * @param employerOldAge      the employer share's CHILD_ALLOWANCE_OLD_AGE branch
 * @param contributionVersion the contribution rule-set version the month's shares were computed
 *                            with; two employers' lines under different versions join their labels
 *                            with {@code +}; null where not known (a fee month)
 */
public record InsuredMonth(YearMonth period, BigDecimal insurableWage, BigDecimal employeeOldAge,
                           BigDecimal employerOldAge, String contributionVersion) {

    /** A month whose contribution version is not known, such as a welfare-fund fee month. */
    public InsuredMonth(YearMonth period, BigDecimal insurableWage, BigDecimal employeeOldAge,
                        BigDecimal employerOldAge) {
        this(period, insurableWage, employeeOldAge, employerOldAge, null);
    }

    public InsuredMonth {
        Objects.requireNonNull(period, "period");
        requireNotNegative(insurableWage, "insurableWage", period);
        requireNotNegative(employeeOldAge, "employeeOldAge", period);
        requireNotNegative(employerOldAge, "employerOldAge", period);
    }

    private static void requireNotNegative(BigDecimal amount, String field, YearMonth period) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " of " + period + " is required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(field + " of " + period + " must not be negative, was "
                    + amount.toPlainString());
        }
    }
}
