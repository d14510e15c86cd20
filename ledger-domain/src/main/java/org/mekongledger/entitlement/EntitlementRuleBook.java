package org.mekongledger.entitlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every entitlement rule set: national old-age benefits, bilateral agreements, welfare funds.
 * Immutable; {@link #withVersion} returns a new book. The shipped ones are read from their files by
 * {@code org.mekongledger.ruleset.RuleSetFiles}.
 */
public final class EntitlementRuleBook {

    private final Map<String, EntitlementRuleSet> ruleSets;
    // indexes by kind, as arrays: the engine walks them on every case
    private final EntitlementRuleSet[] oldAge;
    private final EntitlementRuleSet[] agreements;
    private final EntitlementRuleSet[] welfareFunds;

    private EntitlementRuleBook(Map<String, EntitlementRuleSet> ruleSets) {
        this.ruleSets = Collections.unmodifiableMap(new TreeMap<>(ruleSets));
        this.oldAge = ofKind(RuleSetKind.BENEFITS);
        this.agreements = ofKind(RuleSetKind.AGREEMENT);
        this.welfareFunds = ofKind(RuleSetKind.WELFARE_FUND);
        requireOneRuleSetPerScheme();
    }

    /**
     * A book of the given versions, in any order (effectiveFrom decides).
     *
     * @throws IllegalArgumentException if two versions of a rule set clash (same date or label)
     */
    public static EntitlementRuleBook of(Collection<? extends EntitlementRuleSetVersion> versions) {
        List<EntitlementRuleSetVersion> ordered = new ArrayList<>(versions);
        ordered.sort(Comparator.comparing(EntitlementRuleSetVersion::effectiveFrom));
        EntitlementRuleBook book = new EntitlementRuleBook(Map.of());
        for (EntitlementRuleSetVersion version : ordered) {
            book = book.withVersion(version);
        }
        return book;
    }

    /**
     * A new book with the version added: a new rule set, or a later version of an existing one.
     *
     * @throws IllegalArgumentException if the version does not take effect after the rule set's
     *                                  latest, reuses a label, or changes its kind or scheme
     */
    public EntitlementRuleBook withVersion(EntitlementRuleSetVersion version) {
        Objects.requireNonNull(version, "version");
        Map<String, EntitlementRuleSet> next = new TreeMap<>(ruleSets);
        EntitlementRuleSet existing = ruleSets.get(version.ruleSetId());
        next.put(version.ruleSetId(), existing == null ? EntitlementRuleSet.of(version) : existing.withVersion(version));
        return new EntitlementRuleBook(next);
    }

    public Optional<EntitlementRuleSet> ruleSet(String id) {
        return Optional.ofNullable(ruleSets.get(id));
    }

    /** Every rule set, by id. */
    public Collection<EntitlementRuleSet> ruleSets() {
        return ruleSets.values();
    }

    /** The version of a rule set in force on a day: the latest effectiveFrom on or before it. */
    public Optional<EntitlementRuleSetVersion> inForce(String ruleSetId, LocalDate day) {
        EntitlementRuleSet ruleSet = ruleSets.get(ruleSetId);
        return ruleSet == null ? Optional.empty() : ruleSet.inForce(day);
    }

    EntitlementRuleSet[] oldAgeRuleSets() {
        return oldAge;
    }

    EntitlementRuleSet[] agreementRuleSets() {
        return agreements;
    }

    EntitlementRuleSet[] welfareFundRuleSets() {
        return welfareFunds;
    }

    EntitlementRuleSet ruleSetOrNull(String id) {
        return ruleSets.get(id);
    }

    /** Months are passed by scheme id, so two rule sets reading the same months would pay twice. */
    private void requireOneRuleSetPerScheme() {
        Map<String, String> owner = new TreeMap<>();
        for (EntitlementRuleSet[] kind : new EntitlementRuleSet[][] {oldAge, welfareFunds}) {
            for (EntitlementRuleSet ruleSet : kind) {
                String other = owner.putIfAbsent(ruleSet.scheme(), ruleSet.id());
                RuleSetChecks.require(other == null, "rule sets " + other + " and " + ruleSet.id()
                        + " both pay benefits from the months of scheme " + ruleSet.scheme());
            }
        }
    }

    private EntitlementRuleSet[] ofKind(RuleSetKind kind) {
        return ruleSets.values().stream().filter(r -> r.kind() == kind).toArray(EntitlementRuleSet[]::new);
    }
}
