package org.mekongledger.api;

import java.time.LocalDate;

import org.mekongledger.vocabulary.LegalBasis;

/**
 * A version an administrator added to a rule set.
 *
 * @param source the free-text source of a version added before each version recorded its basis;
 *               null since then
 * @param basis  the version's source, status and assumption; null in events stored before it was recorded
 */
public record RuleSetVersionAdded(String ruleSetId, String version, LocalDate effectiveFrom, String parameters,
                                  String source, LegalBasis basis) {
}
