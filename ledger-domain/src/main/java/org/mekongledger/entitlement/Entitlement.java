package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What one scheme owes, or will owe, the worker for one benefit. The amount is fixed in the
 * scheme's currency at its minor unit; converting it for payment abroad is settlement's recorded
 * step, not this one.
 *
 * @param benefit            OLD_AGE_LUMP_SUM, OLD_AGE_PENSION, SURVIVORS_LUMP_SUM, or a fund's benefit
 *                           such as DEATH_BENEFIT
 * @param payableFrom        null if the benefit can never become payable on the facts recorded
 * @param contributionMonths months (or fee payments) recorded under this scheme itself; months of
 *                           partner schemes counted by totalisation are shown in the explanation
 * @param basis              "NATIONAL" or the agreement applied, e.g. "TH-MM"
 * @param explanation        every step; the last step's result is {@code amount.toPlainString()}
 * @param claimBy            the last day a claim is in time (the entitlement's date plus the scheme's
 *                           claim deadline); null where the scheme sets none or the benefit can never be paid
 */
public record Entitlement(String scheme, String benefit, boolean eligible, BigDecimal amount, Currency currency,
                          Periodicity periodicity, LocalDate payableFrom, int contributionMonths, String basis,
                          boolean payableAbroad, List<ExplanationStep> explanation, LocalDate claimBy) {

    /** An entitlement without a claim deadline. */
    public Entitlement(String scheme, String benefit, boolean eligible, BigDecimal amount, Currency currency,
                       Periodicity periodicity, LocalDate payableFrom, int contributionMonths, String basis,
                       boolean payableAbroad, List<ExplanationStep> explanation) {
        this(scheme, benefit, eligible, amount, currency, periodicity, payableFrom, contributionMonths, basis,
                payableAbroad, explanation, null);
    }

    /** The basis of an entitlement computed without any bilateral agreement. */
    public static final String NATIONAL = "NATIONAL";

    public Entitlement {
        explanation = List.copyOf(explanation);
    }
}
