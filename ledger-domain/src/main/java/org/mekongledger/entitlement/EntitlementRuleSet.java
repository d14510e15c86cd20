package org.mekongledger.entitlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All versions of one entitlement rule set, ordered by effectiveFrom. Immutable: adding a version
 * returns a new instance, so an engine already running keeps the rules it started with. Versions
 * are only appended, because rewriting rules that may already have paid benefits is a correction
 * with its own audit trail, not an edit.
 */
public final class EntitlementRuleSet {

    private final String id;
    private final RuleSetKind kind;
    private final EntitlementRuleSetVersion[] versions;

    private EntitlementRuleSet(String id, RuleSetKind kind, EntitlementRuleSetVersion[] versions) {
        this.id = id;
        this.kind = kind;
        this.versions = versions;
    }

    static EntitlementRuleSet of(EntitlementRuleSetVersion first) {
        Objects.requireNonNull(first, "version");
        return new EntitlementRuleSet(first.ruleSetId(), first.kind(), new EntitlementRuleSetVersion[] {first});
    }

    public String id() {
        return id;
    }

    public RuleSetKind kind() {
        return kind;
    }

    /** The latest version's status: a model that is enacted gets a new version marked IN_FORCE. */
    public RuleSetStatus status() {
        return versions[versions.length - 1].status();
    }

    public List<EntitlementRuleSetVersion> versions() {
        return List.of(versions);
    }

    /** The version with the latest effectiveFrom on or before the day; empty before the first. */
    public Optional<EntitlementRuleSetVersion> inForce(LocalDate day) {
        return Optional.ofNullable(versionOn(Objects.requireNonNull(day, "day")));
    }

    /** {@link #inForce} without the Optional, for the engine's hot path; null before the first version. */
    EntitlementRuleSetVersion versionOn(LocalDate day) {
        for (int i = versions.length - 1; i >= 0; i--) {
            if (!versions[i].effectiveFrom().isAfter(day)) {
                return versions[i];
            }
        }
        return null;
    }

    /**
     * A new rule set with the version appended.
     *
     * @throws IllegalArgumentException if the version belongs to another rule set or kind, reuses a
     *                                  label, does not take effect after the latest version, or
     *                                  moves the rule set to another scheme
     */
    EntitlementRuleSet withVersion(EntitlementRuleSetVersion version) {
        Objects.requireNonNull(version, "version");
        EntitlementRuleSetVersion latest = versions[versions.length - 1];
        RuleSetChecks.require(id.equals(version.ruleSetId()),
                "version " + version.version() + " belongs to " + version.ruleSetId() + ", not to " + id);
        RuleSetChecks.require(kind == version.kind(),
                id + " is a " + kind + " rule set; version " + version.version() + " is a " + version.kind());
        RuleSetChecks.require(version.effectiveFrom().isAfter(latest.effectiveFrom()), id + " version "
                + version.version() + " is effective from " + version.effectiveFrom()
                + ", which is not after the latest version " + latest.version() + " (effective from "
                + latest.effectiveFrom() + ")");
        for (EntitlementRuleSetVersion v : versions) {
            RuleSetChecks.require(!v.version().equals(version.version()),
                    id + " already has a version labelled " + version.version());
        }
        RuleSetChecks.require(subjectOf(latest).equals(subjectOf(version)), id + " version " + version.version()
                + " is about " + subjectOf(version) + ", earlier versions about " + subjectOf(latest));
        List<EntitlementRuleSetVersion> appended = new ArrayList<>(List.of(versions));
        appended.add(version);
        return new EntitlementRuleSet(id, kind, appended.toArray(new EntitlementRuleSetVersion[0]));
    }

    /**
     * The scheme whose months the rule set reads: an old-age rule set's contribution scheme, an
     * agreement's Thai scheme, a welfare fund's own id.
     */
    public String scheme() {
        return schemeOf(versions[0]);
    }

    private static String schemeOf(EntitlementRuleSetVersion version) {
        if (version instanceof OldAgeRuleSetVersion oldAge) {
            return oldAge.scheme();
        }
        if (version instanceof AgreementRuleSetVersion agreement) {
            return agreement.scheme();
        }
        return version.ruleSetId();
    }

    /** What a rule set is about must not change between versions, or the book's indexes would lie. */
    private static String subjectOf(EntitlementRuleSetVersion version) {
        if (version instanceof AgreementRuleSetVersion agreement) {
            return "scheme " + agreement.scheme() + " for " + agreement.partnerNationality() + " nationals";
        }
        return "scheme " + schemeOf(version);
    }

    @Override
    public String toString() {
        return "EntitlementRuleSet[" + id + ", " + kind + ", versions=" + versions().stream()
                .map(EntitlementRuleSetVersion::version).toList() + "]";
    }
}
