package org.mekongledger.ruleset;

import org.mekongledger.api.AddRuleSetVersion;

/** Knows every rule set in force (shipped and added) and whether a new version fits its history. */
public interface RuleSetCatalogue {

    /**
     * @throws org.mekongledger.api.UnknownRecord   for a rule set that does not exist
     * @throws org.mekongledger.api.RequestRefused  naming the field of an invalid version, or an
     *                                              effective date not after the latest version's
     */
    void check(AddRuleSetVersion version);
}
