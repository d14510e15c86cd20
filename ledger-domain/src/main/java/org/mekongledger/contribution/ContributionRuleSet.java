package org.mekongledger.contribution;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All versions of one rule set, ordered by effectiveFrom. Immutable: adding a version returns a
 * new instance, so a computation that already picked its version is never affected by a change
 * made meanwhile. Versions can only be appended at the end, because rewriting the rules of a month
 * that may already be filed and paid is a correction with its own audit trail, not an edit here.
 */
public final class ContributionRuleSet {

    private final String id;
    private final List<ContributionRuleSetVersion> versions;

    private ContributionRuleSet(String id, List<ContributionRuleSetVersion> versions) {
        this.id = id;
        this.versions = List.copyOf(versions);
    }

    /** A rule set with no version yet; {@link #inForce} is empty for every period. */
    public static ContributionRuleSet empty(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("rule set id is required");
        }
        return new ContributionRuleSet(id, List.of());
    }

    /** Builds a rule set from versions given in effectiveFrom order. */
    public static ContributionRuleSet of(String id, List<ContributionRuleSetVersion> versions) {
        ContributionRuleSet ruleSet = empty(id);
        for (ContributionRuleSetVersion version : versions) {
            ruleSet = ruleSet.withVersion(version);
        }
        return ruleSet;
    }

    public String id() {
        return id;
    }

    public List<ContributionRuleSetVersion> versions() {
        return versions;
    }

    /** The latest version with effectiveFrom on or before the period; empty before the first. */
    public Optional<ContributionRuleSetVersion> inForce(YearMonth period) {
        Objects.requireNonNull(period, "period");
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).effectiveFrom().isAfter(period)) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Shortcut for the version in force for the period, then its computation.
     *
     * @throws IllegalArgumentException if no version is in force for the period, or the wage is invalid
     */
    public PersonMonthContribution contributionFor(YearMonth period, BigDecimal wage) {
        return inForce(period)
                .orElseThrow(() -> new IllegalArgumentException("no version of " + id + " in force for " + period))
                .contributionFor(period, wage);
    }

    /**
     * A new rule set with the version appended.
     *
     * @throws IllegalArgumentException if the version belongs to another rule set, reuses a version
     *                                  label, or does not take effect after the latest version
     */
    public ContributionRuleSet withVersion(ContributionRuleSetVersion version) {
        Objects.requireNonNull(version, "version");
        if (!id.equals(version.ruleSetId())) {
            throw new IllegalArgumentException(
                    "version " + version.version() + " belongs to " + version.ruleSetId() + ", not to " + id);
        }
        if (!versions.isEmpty()) {
            ContributionRuleSetVersion latest = versions.get(versions.size() - 1);
            if (!version.effectiveFrom().isAfter(latest.effectiveFrom())) {
                throw new IllegalArgumentException(id + " version " + version.version() + " is effective from "
                        + version.effectiveFrom() + ", which is not after the latest version " + latest.version()
                        + " (effective from " + latest.effectiveFrom() + ")");
            }
        }
        if (versions.stream().anyMatch(v -> v.version().equals(version.version()))) {
            throw new IllegalArgumentException(id + " already has a version labelled " + version.version());
        }
        List<ContributionRuleSetVersion> appended = new ArrayList<>(versions);
        appended.add(version);
        return new ContributionRuleSet(id, appended);
    }

    @Override
    public String toString() {
        return "ContributionRuleSet[" + id + ", versions=" + versions.stream().map(ContributionRuleSetVersion::version).toList() + "]";
    }
}
