package org.mekongledger.ruleset;

import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a rule set in the shape administrators read and write it: the header of its file
 * and its parameters as plain values (strings, numbers as strings, booleans, lists, maps).
 * Contribution versions take effect on the first day of their month.
 */
public record ListedVersion(String version, LocalDate effectiveFrom, org.mekongledger.vocabulary.LegalBasis basis,
                            Map<String, Object> parameters) {
}
