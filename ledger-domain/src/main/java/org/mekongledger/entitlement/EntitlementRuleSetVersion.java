package org.mekongledger.entitlement;

import java.time.LocalDate;
import java.util.Map;

/**
 * One effective-dated version of an entitlement rule set: the national old-age rules, a bilateral
 * agreement or a welfare fund. Every number the law can change is a field of a version, so a change
 * of law is a new data file, never a code branch on dates.
 */
public sealed interface EntitlementRuleSetVersion
        permits OldAgeRuleSetVersion, AgreementRuleSetVersion, WelfareFundRuleSetVersion {

    /** e.g. {@code TH_SSF_S33_OLD_AGE}, {@code TH-MM}, {@code VN_OESF}. */
    String ruleSetId();

    /** Label of the version, e.g. {@code 1999-01}. */
    String version();

    /** First day the version is in force (judged on a case's as-of date). */
    LocalDate effectiveFrom();

    RuleSetStatus status();

    /** The source of the numbers, how far it is borne out, and what is assumed. */
    org.mekongledger.vocabulary.LegalBasis basis();

    RuleSetKind kind();

    /** The parameters as plain values (strings, numbers as strings, booleans, lists, maps) for display. */
    Map<String, Object> parameters();
}
