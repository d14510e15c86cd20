package org.mekongledger.filing;

import java.util.function.Supplier;

import org.mekongledger.entitlement.RuleSetKind;
import org.mekongledger.ruleset.RuleSetCatalogue;

/**
 * The one place the intake chooses how a scheme's filing lines are priced, by the kind of rule set
 * the catalogue says the scheme has: a welfare fund's lines take fees, a contribution schedule's
 * wages. A scheme no contribution schedule knows goes to the wage pricer too, which refuses the
 * scheme and still checks every wage, so one request names all its faults. A third kind of line is
 * one more pricer named here.
 */
final class LinePricers {

    /** The catalogue in force now: administrators may add versions while the service runs. */
    private final Supplier<RuleSetCatalogue> catalogue;

    LinePricers(Supplier<RuleSetCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    /** A fresh pricer for one filing under the scheme. */
    LinePricer<?> forScheme(String scheme) {
        RuleSetCatalogue rules = catalogue.get();
        RuleSetKind kind = rules.kindOf(scheme).orElse(RuleSetKind.CONTRIBUTIONS);
        return switch (kind) {
            case WELFARE_FUND -> new FeePricer(rules.entitlements().ruleSet(scheme).orElseThrow());
            case CONTRIBUTIONS, BENEFITS, AGREEMENT -> new WagePricer(scheme, rules.contributions().ruleSet(scheme));
        };
    }
}
