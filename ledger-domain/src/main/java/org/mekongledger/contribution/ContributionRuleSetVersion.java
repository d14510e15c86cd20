package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.mekongledger.vocabulary.ThaiProvinces;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One effective-dated version of a contribution rule set. Every number that the law or a
 * ministerial regulation can change (floor, ceiling, rates, rounding) is a field here, so a change
 * of law is a new data file, never a code branch on dates. A version does not know when it is
 * superseded: picking the version for a period is {@link ContributionRuleSet#inForce}'s job.
 *
 * <p>Money is kept at the currency's minor unit (satang for THB): amounts given with fewer
 * decimals are widened, amounts with more are rejected rather than silently rounded.
 *
 * @param ruleSetId     e.g. {@code TH_SSF_S33}
 * @param version       label of this version, e.g. {@code 2026-01}
 * @param effectiveFrom first contribution month the version applies to
 * @param ratesPercent  percent of the insurable wage, per party and branch; every party and
 *                      every branch present (a branch not yet collected in an era is 0)
 * @param basis         the source of the numbers, how far it is borne out, and what is assumed
 * @param areas         ISO 3166-2:TH codes the version is limited to (employers in those provinces);
 *                      empty for a national version
 * @param until         the last month of a version limited to areas, after which the national
 *                      version applies again there; null for a national version, which lasts until
 *                      the next national version
 */
public record ContributionRuleSetVersion(String ruleSetId, String version, YearMonth effectiveFrom,
                                         Currency currency, BigDecimal wageFloor, BigDecimal wageCeiling,
                                         Map<Party, Map<Branch, BigDecimal>> ratesPercent,
                                         ShareRounding rounding, LegalBasis basis, Set<String> areas,
                                         YearMonth until) {

    /** A national version: every employer, until the next national version. */
    public ContributionRuleSetVersion(String ruleSetId, String version, YearMonth effectiveFrom, Currency currency,
                                      BigDecimal wageFloor, BigDecimal wageCeiling,
                                      Map<Party, Map<Branch, BigDecimal>> ratesPercent, ShareRounding rounding,
                                      LegalBasis basis) {
        this(ruleSetId, version, effectiveFrom, currency, wageFloor, wageCeiling, ratesPercent, rounding, basis,
                Set.of(), null);
    }

    public ContributionRuleSetVersion {
        requireText(ruleSetId, "ruleSetId");
        requireText(version, "version");
        require(effectiveFrom != null, "effectiveFrom is required");
        require(currency != null, "currency is required");
        require(currency.getDefaultFractionDigits() >= 0, "currency " + currency + " has no minor unit");
        int moneyScale = currency.getDefaultFractionDigits();
        wageFloor = money(wageFloor, "wageFloor", moneyScale);
        wageCeiling = money(wageCeiling, "wageCeiling", moneyScale);
        require(wageFloor.signum() >= 0, "wageFloor must not be negative, was " + wageFloor);
        require(wageCeiling.compareTo(wageFloor) >= 0,
                "wageCeiling " + wageCeiling + " is below wageFloor " + wageFloor);
        ratesPercent = copyRates(ratesPercent);
        require(rounding != null, "rounding is required");
        require(rounding.branchScale() <= moneyScale, "rounding.branchScale " + rounding.branchScale()
                + " is finer than the minor unit of " + currency + " (" + moneyScale + ")");
        require(basis != null, "basis is required");
        areas = areas == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(areas));
        for (String area : areas) {
            require(ThaiProvinces.isCode(area), "areas: " + area + " is not an ISO 3166-2:TH code");
        }
        require(areas.isEmpty() == (until == null), areas.isEmpty()
                ? "until is only for a version limited to areas: a national version lasts until the next one"
                : "a version limited to areas needs until, its last month");
        require(until == null || !until.isBefore(effectiveFrom),
                "until " + until + " is before effectiveFrom " + effectiveFrom);
    }

    /** Whether the version is limited to some provinces rather than national. */
    public boolean scoped() {
        return !areas.isEmpty();
    }

    /** Whether a version limited to areas covers the month (always false for a national version). */
    boolean covers(YearMonth period, String area) {
        return scoped() && areas.contains(area) && !period.isBefore(effectiveFrom) && !period.isAfter(until);
    }

    /**
     * Computes every party's share for one person-month.
     *
     * @throws IllegalArgumentException if the wage is missing, not positive or finer than the
     *                                  currency's minor unit, or the period precedes this version
     */
    public PersonMonthContribution contributionFor(YearMonth period, BigDecimal wage) {
        require(period != null, "period is required");
        require(!period.isBefore(effectiveFrom), ruleSetId + " version " + version + " is effective from "
                + effectiveFrom + ", not for period " + period);
        BigDecimal insurable = insurableWage(wage);
        Map<Party, PartyShare> shares = new EnumMap<>(Party.class);
        ratesPercent.forEach((party, branchRates) -> shares.put(party,
                PartyShareCalculator.compute(insurable, branchRates, rounding, moneyScale())));
        return new PersonMonthContribution(period, ruleSetId, version, currency,
                wage.setScale(moneyScale()), insurable, shares);
    }

    /** The wage clamped to [wageFloor, wageCeiling], at money scale. */
    public BigDecimal insurableWage(BigDecimal wage) {
        require(wage != null, "wage is required");
        require(wage.signum() > 0, "wage must be positive, was " + wage);
        money(wage, "wage", moneyScale());
        return wage.max(wageFloor).min(wageCeiling).setScale(moneyScale());
    }

    /** Total percent of the insurable wage a party pays (sum of its branch rates). */
    public BigDecimal ratePercent(Party party) {
        return PartyShareCalculator.sum(ratesPercent.get(party));
    }

    private int moneyScale() {
        return currency.getDefaultFractionDigits();
    }

    private static BigDecimal money(BigDecimal amount, String field, int moneyScale) {
        require(amount != null, field + " is required");
        // stripTrailingZeros so that 15000.000 is accepted as the same amount as 15000.00.
        require(amount.stripTrailingZeros().scale() <= moneyScale,
                field + " " + amount.toPlainString() + " has more than " + moneyScale + " decimals");
        return amount.setScale(moneyScale);
    }

    private static Map<Party, Map<Branch, BigDecimal>> copyRates(Map<Party, Map<Branch, BigDecimal>> rates) {
        require(rates != null, "ratesPercent is required");
        Map<Party, Map<Branch, BigDecimal>> copy = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            Map<Branch, BigDecimal> branchRates = rates.get(party);
            require(branchRates != null, "ratesPercent." + party + " is required");
            Map<Branch, BigDecimal> branchCopy = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                BigDecimal rate = branchRates.get(branch);
                String field = "ratesPercent." + party + "." + branch;
                require(rate != null, field + " is required");
                require(rate.signum() >= 0, field + " must not be negative, was " + rate.toPlainString());
                branchCopy.put(branch, rate);
            }
            copy.put(party, Collections.unmodifiableMap(branchCopy));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
