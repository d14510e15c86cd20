package org.mekongledger.entitlement;

/**
 * Whether a rule set states law or a proposal. MODEL rule sets (the draft bilateral agreements, the
 * welfare funds Myanmar, Cambodia and Lao PDR have not yet created) compute like any other, so
 * their effect can be shown, but nobody may mistake them for what is owed today.
 */
public enum RuleSetStatus { IN_FORCE, MODEL }
