package org.mekongledger.entitlement;

/** What an entitlement rule set governs; contribution rule sets live in the contribution package. */
public enum RuleSetKind { BENEFITS, AGREEMENT, WELFARE_FUND }
