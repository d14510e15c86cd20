package org.mekongledger.api;

import java.time.LocalDate;

public record RuleSetVersionAdded(String ruleSetId, String version, LocalDate effectiveFrom, String parameters,
                                  String source) {
}
