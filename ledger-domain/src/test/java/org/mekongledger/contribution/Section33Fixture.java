package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * Versions built in code, so engine tests do not depend on what the shipped data says: the
 * shipped files are tested separately, and either can change without masking a bug in the other.
 */
final class Section33Fixture {

    static final String ID = "TH_SSF_S33";
    static final Currency THB = Currency.getInstance("THB");
    static final ShareRounding WHOLE_BAHT_HALF_UP =
            new ShareRounding(0, RoundingMode.HALF_UP, 2, RoundingMode.HALF_UP, Branch.CHILD_ALLOWANCE_OLD_AGE);

    private Section33Fixture() {
    }

    /** Floor 1,650, ceiling 15,000, normal Section 33 rates, effective 2015-01. */
    static ContributionRuleSetVersion normal() {
        return version("2015-01", "15000.00");
    }

    static ContributionRuleSetVersion version(String effectiveFrom, String ceiling) {
        return version(effectiveFrom, ceiling, normalRates(), WHOLE_BAHT_HALF_UP);
    }

    static ContributionRuleSetVersion version(String effectiveFrom, String ceiling,
                                              Map<Party, Map<Branch, BigDecimal>> rates, ShareRounding rounding) {
        return new ContributionRuleSetVersion(ID, effectiveFrom, YearMonth.parse(effectiveFrom), THB,
                new BigDecimal("1650.00"), new BigDecimal(ceiling), rates, rounding, org.mekongledger.vocabulary.Bases.test("test fixture"));
    }

    static Map<Party, Map<Branch, BigDecimal>> normalRates() {
        Map<Party, Map<Branch, BigDecimal>> rates = new EnumMap<>(Party.class);
        rates.put(Party.EMPLOYEE, branches("1.5", "3", "0.5"));
        rates.put(Party.EMPLOYER, branches("1.5", "3", "0.5"));
        rates.put(Party.GOVERNMENT, branches("1.5", "1", "0.25"));
        return rates;
    }

    static Map<Party, Map<Branch, BigDecimal>> sameRatesForAll(String smid, String caoa, String unemployment) {
        Map<Party, Map<Branch, BigDecimal>> rates = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            rates.put(party, branches(smid, caoa, unemployment));
        }
        return rates;
    }

    static Map<Branch, BigDecimal> branches(String smid, String caoa, String unemployment) {
        Map<Branch, BigDecimal> branches = new EnumMap<>(Branch.class);
        branches.put(Branch.SICKNESS_MATERNITY_INVALIDITY_DEATH, new BigDecimal(smid));
        branches.put(Branch.CHILD_ALLOWANCE_OLD_AGE, new BigDecimal(caoa));
        branches.put(Branch.UNEMPLOYMENT, new BigDecimal(unemployment));
        return branches;
    }
}
