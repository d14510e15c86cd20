package org.mekongledger.contribution;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mekongledger.vocabulary.ThaiProvinces;

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

    /**
     * The national version in force for the period: the latest one with effectiveFrom on or before
     * it; empty before the first. Versions limited to areas are passed over (see {@link #choose}).
     */
    public Optional<ContributionRuleSetVersion> inForce(YearMonth period) {
        Objects.requireNonNull(period, "period");
        for (int i = versions.size() - 1; i >= 0; i--) {
            ContributionRuleSetVersion version = versions.get(i);
            if (!version.scoped() && !version.effectiveFrom().isAfter(period)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /**
     * The version for a filing of an employer in an area (an ISO 3166-2:TH code, or null when the
     * employer's province is not recorded): a version limited to areas that covers the area and the
     * month, else the national version. Empty before the first national version.
     */
    public Optional<VersionChoice> choose(YearMonth period, String area) {
        Optional<ContributionRuleSetVersion> national = inForce(period);
        if (national.isEmpty()) {
            return Optional.empty();
        }
        List<ContributionRuleSetVersion> scopedNow = versions.stream()
                .filter(v -> v.scoped() && !period.isBefore(v.effectiveFrom()) && !period.isAfter(v.until()))
                .toList();
        String nationally = "national version " + national.get().version() + " (in force from "
                + national.get().effectiveFrom() + ")";
        if (scopedNow.isEmpty()) {
            return Optional.of(new VersionChoice(national.get(), nationally + "; no version for " + period
                    + " is limited to some provinces"));
        }
        if (area != null) {
            for (ContributionRuleSetVersion scoped : scopedNow) {
                if (scoped.covers(period, area)) {
                    return Optional.of(new VersionChoice(scoped, "the employer's province "
                            + ThaiProvinces.label(area) + " is among the " + scoped.areas().size()
                            + " provinces of version " + scoped.version() + " (" + scoped.effectiveFrom() + ".."
                            + scoped.until() + ")"));
                }
            }
        }
        String others = scopedNow.stream().map(v -> "version " + v.version() + " (" + v.areas().size()
                + " provinces)").collect(java.util.stream.Collectors.joining(", "));
        String why = area == null
                ? "the employer's province is not recorded, so " + others + " cannot apply"
                : "the employer's province " + ThaiProvinces.label(area) + " is not among the provinces of " + others;
        return Optional.of(new VersionChoice(national.get(), nationally + "; " + why));
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
            // a version for some provinces may start with the national version it departs from
            boolean beside = version.scoped() && !latest.scoped() && version.effectiveFrom().equals(latest.effectiveFrom());
            if (!beside && !version.effectiveFrom().isAfter(latest.effectiveFrom())) {
                throw new IllegalArgumentException(id + " version " + version.version() + " is effective from "
                        + version.effectiveFrom() + ", which is not after the latest version " + latest.version()
                        + " (effective from " + latest.effectiveFrom() + ")");
            }
        }
        if (versions.stream().anyMatch(v -> v.version().equals(version.version()))) {
            throw new IllegalArgumentException(id + " already has a version labelled " + version.version());
        }
        for (ContributionRuleSetVersion scoped : versions) {
            if (!scoped.scoped() || version.effectiveFrom().isAfter(scoped.until())) {
                continue;
            }
            // a national change inside a provincial window would leave those provinces on stale rates
            if (!version.scoped()) {
                throw new IllegalArgumentException(id + " version " + version.version() + " would take effect in "
                        + version.effectiveFrom() + ", within version " + scoped.version() + " limited to areas until "
                        + scoped.until() + ": end that version first or add a version for its areas too");
            }
            if (version.areas().stream().anyMatch(scoped.areas()::contains)) {
                throw new IllegalArgumentException(id + " version " + version.version() + " overlaps version "
                        + scoped.version() + " in the same areas");
            }
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
