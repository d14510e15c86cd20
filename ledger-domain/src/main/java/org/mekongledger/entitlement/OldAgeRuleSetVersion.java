package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LegalBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.mekongledger.entitlement.RuleSetChecks.header;
import static org.mekongledger.entitlement.RuleSetChecks.notNegative;
import static org.mekongledger.entitlement.RuleSetChecks.positive;
import static org.mekongledger.entitlement.RuleSetChecks.require;
import static org.mekongledger.entitlement.RuleSetChecks.text;

/**
 * One version of a national old-age benefit (Thai SSF Sections 76-77): who gets a lump sum, who a
 * pension, and how much.
 *
 * @param scheme                   the contribution scheme whose months count, e.g. {@code TH_SSF_S33}
 * @param pensionableAgeYears      55: the birthday from which the benefit can be paid
 * @param lumpSumThresholdMonths   12: from this many months the employer's contributions and the
 *                                 declared returns are paid too
 * @param pensionThresholdMonths   180: from this many months a monthly pension instead of a lump sum
 * @param baseRatePercent          20: pension percent of the average wage at the pension threshold
 * @param incrementPercent         1.5: added per {@code incrementEveryMonths} full months beyond the threshold
 * @param averagingWindowMonths    60: the pension's average wage is over this many last contribution months
 * @param declaredReturnsPercent   the yearly returns the fund declared on old-age savings, by calendar
 *                                 year; empty until an administrator enters them (then 0%)
 * @param survivorsLumpSumMultiple 10: heirs of a member with a pension right get this many monthly pensions
 * @param survivorsWindowMonths    60: heirs of a pensioner dying within this many months of the first
 *                                 payment get the survivors' lump sum too
 * @param invalidityPaysLumpSum    invalidity makes the old-age lump sum payable at once, whatever the age
 * @param survivorsPayMonthsRemaining heirs of a pensioner dying within the window get the last pension
 *                                 times the months remaining to its end, at least the multiple (the
 *                                 2022 ministerial regulation); false: the multiple alone
 * @param claimDeadlineMonths      a claim must be made within this many months of the benefit
 *                                 becoming payable (of the death, for heirs); 0: no deadline
 */
public record OldAgeRuleSetVersion(String ruleSetId, String version, LocalDate effectiveFrom, RuleSetStatus status,
                                   LegalBasis basis, String scheme, Currency currency, int pensionableAgeYears,
                                   int lumpSumThresholdMonths, int pensionThresholdMonths, BigDecimal baseRatePercent,
                                   BigDecimal incrementPercent, int incrementEveryMonths, int averagingWindowMonths,
                                   NavigableMap<Integer, BigDecimal> declaredReturnsPercent,
                                   BigDecimal survivorsLumpSumMultiple, int survivorsWindowMonths,
                                   boolean invalidityPaysLumpSum, boolean survivorsPayMonthsRemaining,
                                   int claimDeadlineMonths)
        implements EntitlementRuleSetVersion {

    /** One year: the deadline a legal guide states for old-age claims (to confirm in the Act). */
    public static final int ONE_YEAR = 12;

    /** A version whose survivors' lump sum is the multiple alone, as before the 2022 regulation. */
    public OldAgeRuleSetVersion(String ruleSetId, String version, LocalDate effectiveFrom, RuleSetStatus status,
                                LegalBasis basis, String scheme, Currency currency, int pensionableAgeYears,
                                int lumpSumThresholdMonths, int pensionThresholdMonths, BigDecimal baseRatePercent,
                                BigDecimal incrementPercent, int incrementEveryMonths, int averagingWindowMonths,
                                NavigableMap<Integer, BigDecimal> declaredReturnsPercent,
                                BigDecimal survivorsLumpSumMultiple, int survivorsWindowMonths,
                                boolean invalidityPaysLumpSum) {
        this(ruleSetId, version, effectiveFrom, status, basis, scheme, currency, pensionableAgeYears,
                lumpSumThresholdMonths, pensionThresholdMonths, baseRatePercent, incrementPercent, incrementEveryMonths,
                averagingWindowMonths, declaredReturnsPercent, survivorsLumpSumMultiple, survivorsWindowMonths,
                invalidityPaysLumpSum, false, ONE_YEAR);
    }

    /** The last day a claim is in time for a benefit arising on the day; null when no deadline is set. */
    public LocalDate claimBy(LocalDate arising) {
        return arising == null || claimDeadlineMonths == 0 ? null : arising.plusMonths(claimDeadlineMonths).minusDays(1);
    }

    public OldAgeRuleSetVersion {
        header(ruleSetId, version, effectiveFrom, status, basis);
        text(scheme, "scheme");
        require(currency != null, "currency is required");
        positive(pensionableAgeYears, "pensionableAgeYears");
        positive(lumpSumThresholdMonths, "lumpSumThresholdMonths");
        require(pensionThresholdMonths > lumpSumThresholdMonths, "pensionThresholdMonths (" + pensionThresholdMonths
                + ") must be above lumpSumThresholdMonths (" + lumpSumThresholdMonths + ")");
        notNegative(baseRatePercent, "baseRatePercent");
        notNegative(incrementPercent, "incrementPercent");
        positive(incrementEveryMonths, "incrementEveryMonths");
        positive(averagingWindowMonths, "averagingWindowMonths");
        declaredReturnsPercent = copyReturns(declaredReturnsPercent);
        notNegative(survivorsLumpSumMultiple, "survivorsLumpSumMultiple");
        require(survivorsWindowMonths >= 0, "survivorsWindowMonths must not be negative, was " + survivorsWindowMonths);
        require(claimDeadlineMonths >= 0, "claimDeadlineMonths must not be negative, was " + claimDeadlineMonths);
    }

    @Override
    public RuleSetKind kind() {
        return RuleSetKind.BENEFITS;
    }

    /** The pension percent for a number of months at or above the pension threshold. */
    public BigDecimal ratePercent(int months) {
        return baseRatePercent.add(incrementPercent.multiply(BigDecimal.valueOf(incrementsEarned(months))));
    }

    /** Full periods of {@code incrementEveryMonths} beyond the pension threshold: floor((months - 180) / 12). */
    public int incrementsEarned(int months) {
        require(months >= pensionThresholdMonths, months + " months do not reach the pension threshold "
                + pensionThresholdMonths);
        return (months - pensionThresholdMonths) / incrementEveryMonths;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scheme", scheme);
        p.put("currency", currency.getCurrencyCode());
        p.put("pensionableAgeYears", pensionableAgeYears);
        p.put("lumpSumThresholdMonths", lumpSumThresholdMonths);
        p.put("pensionThresholdMonths", pensionThresholdMonths);
        p.put("baseRatePercent", baseRatePercent.toPlainString());
        p.put("incrementPercent", incrementPercent.toPlainString());
        p.put("incrementEveryMonths", incrementEveryMonths);
        p.put("averagingWindowMonths", averagingWindowMonths);
        Map<String, Object> returns = new LinkedHashMap<>();
        declaredReturnsPercent.forEach((year, rate) -> returns.put(year.toString(), rate.toPlainString()));
        p.put("declaredReturnsPercent", returns);
        p.put("survivorsLumpSumMultiple", survivorsLumpSumMultiple.toPlainString());
        p.put("survivorsWindowMonths", survivorsWindowMonths);
        p.put("invalidityPaysLumpSum", invalidityPaysLumpSum);
        p.put("survivorsPayMonthsRemaining", survivorsPayMonthsRemaining);
        p.put("claimDeadlineMonths", claimDeadlineMonths);
        return Collections.unmodifiableMap(p);
    }

    private static NavigableMap<Integer, BigDecimal> copyReturns(Map<Integer, BigDecimal> returns) {
        TreeMap<Integer, BigDecimal> copy = new TreeMap<>();
        if (returns != null) {
            returns.forEach((year, rate) -> {
                require(year != null, "declaredReturnsPercent has a rate without a year");
                // a fund may declare a loss, so negative rates are allowed; missing ones are not
                require(rate != null, "declaredReturnsPercent." + year + " is required");
                copy.put(year, rate);
            });
        }
        return Collections.unmodifiableNavigableMap(copy);
    }
}
