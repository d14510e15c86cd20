package org.mekongledger.entitlement;

/**
 * What a rule set governs, as the rule-set catalogue ({@code org.mekongledger.ruleset.RuleSetCatalogue})
 * names it: contribution schedules (a book of their own in the contribution package) and the three
 * kinds of entitlement rule set. An entitlement rule set is never of kind {@link #CONTRIBUTIONS}.
 * It sits here, below the catalogue, because entitlement rule sets index themselves by kind.
 */
public enum RuleSetKind { CONTRIBUTIONS, BENEFITS, AGREEMENT, WELFARE_FUND }
