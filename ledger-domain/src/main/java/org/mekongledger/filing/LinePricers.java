package org.mekongledger.filing;

import java.util.Optional;
import java.util.function.Supplier;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.RuleSetKind;

/**
 * The one place the intake asks which kind of lines a scheme's filings carry: a welfare fund's take
 * fees, every other scheme's wages (a scheme no rules know is refused by the wage pricer, which
 * still checks the wages). The rule-set catalogue is to answer this question once it owns the
 * kinds of rule set; a third kind of line is one more pricer named here.
 */
final class LinePricers {

    /** The books in force now: administrators may add versions while the service runs. */
    private final Supplier<ContributionRuleBook> contributions;
    /** Welfare funds' fees per contract are parameters of their entitlement rule sets. */
    private final Supplier<EntitlementRuleBook> funds;

    LinePricers(Supplier<ContributionRuleBook> contributions, Supplier<EntitlementRuleBook> funds) {
        this.contributions = contributions;
        this.funds = funds;
    }

    /** A fresh pricer for one filing under the scheme. */
    LinePricer<?> forScheme(String scheme) {
        Optional<ContributionRuleSet> ruleSet = contributions.get().ruleSet(scheme);
        if (ruleSet.isEmpty()) {
            Optional<EntitlementRuleSet> fund = funds.get().ruleSet(scheme)
                    .filter(candidate -> candidate.kind() == RuleSetKind.WELFARE_FUND);
            if (fund.isPresent()) {
                return new FeePricer(fund.get());
            }
        }
        return new WagePricer(scheme, ruleSet);
    }
}
