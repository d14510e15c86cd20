package org.mekongledger.ruleset;

import org.mekongledger.vocabulary.LegalBasis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;
import org.mekongledger.entitlement.RuleSetKind;
import org.mekongledger.entitlement.RuleSetStatus;

/**
 * Every rule set in force, shipped and added, whatever its kind: the one place that knows which kind
 * a rule set is, lists them alike, reads an amendment in its rule set's format and orders its
 * versions. Contribution schedules and entitlement rule sets stay two books, because they compute
 * different things; the catalogue is what they have in common. Immutable: an added version gives a
 * new catalogue, so a computation keeps the rules it started with.
 */
public final class RuleSetCatalogue {

    /** The source of an added version whose administrator named none. */
    static final String ADDED_BY_AN_ADMINISTRATOR = "added by an administrator";

    private final ContributionRuleBook contributions;
    private final EntitlementRuleBook entitlements;

    private RuleSetCatalogue(ContributionRuleBook contributions, EntitlementRuleBook entitlements) {
        this.contributions = Objects.requireNonNull(contributions, "contributions");
        this.entitlements = Objects.requireNonNull(entitlements, "entitlements");
    }

    /**
     * @throws IllegalArgumentException if one id names a contribution schedule and an entitlement
     *                                  rule set, which would leave its kind ambiguous
     */
    public static RuleSetCatalogue of(ContributionRuleBook contributions, EntitlementRuleBook entitlements) {
        for (String id : contributions.schemes()) {
            entitlements.ruleSet(id).ifPresent(other -> {
                throw new IllegalArgumentException("rule set " + id + " is both a contribution schedule and a "
                        + other.kind() + " rule set");
            });
        }
        return new RuleSetCatalogue(contributions, entitlements);
    }

    /** The rule sets shipped with the application, as {@link RuleSetFiles} reads them. */
    public static RuleSetCatalogue shipped() {
        return of(RuleSetFiles.shippedContributions(), RuleSetFiles.shippedEntitlements());
    }

    public ContributionRuleBook contributions() {
        return contributions;
    }

    public EntitlementRuleBook entitlements() {
        return entitlements;
    }

    /**
     * Which kind of rule set the id names: {@link RuleSetKind#CONTRIBUTIONS} for a contribution
     * schedule (a filing of wages), {@link RuleSetKind#WELFARE_FUND} for a fund (a filing of fees),
     * and so on; empty for an id no rule set has.
     */
    public Optional<RuleSetKind> kindOf(String ruleSetId) {
        if (contributions.ruleSet(ruleSetId).isPresent()) {
            return Optional.of(RuleSetKind.CONTRIBUTIONS);
        }
        return entitlements.ruleSet(ruleSetId).map(EntitlementRuleSet::kind);
    }

    /** Every rule set: the contribution schedules, then the entitlement rule sets, each by id. */
    public List<RuleSetListing> ruleSets() {
        List<RuleSetListing> listings = new ArrayList<>();
        for (String id : contributions.schemes()) {
            listings.add(listing(contributions.ruleSet(id).orElseThrow()));
        }
        for (EntitlementRuleSet ruleSet : entitlements.ruleSets()) {
            listings.add(listing(ruleSet));
        }
        return listings;
    }

    public Optional<RuleSetListing> ruleSet(String ruleSetId) {
        Optional<ContributionRuleSet> contribution = contributions.ruleSet(ruleSetId);
        return contribution.isPresent()
                ? contribution.map(RuleSetCatalogue::listing)
                : entitlements.ruleSet(ruleSetId).map(RuleSetCatalogue::listing);
    }

    /**
     * Checks that an amendment fits its rule set: the parameters make a valid version in the rule
     * set's format, the label is new and the version takes effect after the latest one.
     *
     * @throws UnknownRecord  for a rule set that does not exist
     * @throws org.mekongledger.api.RequestRefused naming the field of an invalid version, or of an
     *                        effective date not after the latest version's
     */
    public void admit(AddRuleSetVersion amendment) {
        ListedVersion version = versionOf(amendment);
        history(amendment.ruleSetId()).requireRoomFor(version.version(), version.effectiveFrom());
    }

    /**
     * The version an amendment adds, as it is listed once in force (without checking its order).
     *
     * @throws UnknownRecord  for a rule set that does not exist
     * @throws org.mekongledger.api.RequestRefused naming the field of an invalid version
     */
    public ListedVersion versionOf(AddRuleSetVersion amendment) {
        RuleSetKind kind = kindOf(amendment.ruleSetId())
                .orElseThrow(() -> new UnknownRecord("rule set", amendment.ruleSetId()));
        return kind == RuleSetKind.CONTRIBUTIONS
                ? listed(contributionVersion(amendment.ruleSetId(), amendment.version(), amendment.effectiveFrom(),
                        amendment.parameters(), amendment.basis()))
                : listed(entitlementVersion(amendment.ruleSetId(), amendment.version(), amendment.effectiveFrom(),
                        amendment.parameters(), amendment.basis()));
    }

    /**
     * This catalogue with a version added earlier (as stored), in force.
     *
     * @throws IllegalArgumentException for an unknown rule set, or a version that does not fit
     */
    public RuleSetCatalogue withVersion(String ruleSetId, String version, LocalDate effectiveFrom, String parameters,
                                        LegalBasis source) {
        RuleSetKind kind = kindOf(ruleSetId)
                .orElseThrow(() -> new IllegalArgumentException("no rule set " + ruleSetId));
        return kind == RuleSetKind.CONTRIBUTIONS
                ? new RuleSetCatalogue(contributions.withVersion(
                        contributionVersion(ruleSetId, version, effectiveFrom, parameters, source)), entitlements)
                : new RuleSetCatalogue(contributions, entitlements.withVersion(
                        entitlementVersion(ruleSetId, version, effectiveFrom, parameters, source)));
    }

    private ContributionRuleSetVersion contributionVersion(String ruleSetId, String version, LocalDate effectiveFrom,
                                                           String parameters, LegalBasis source) {
        return ContributionVersionFormat.amendment(ruleSetId, version, effectiveFrom, parameters, source);
    }

    private EntitlementRuleSetVersion entitlementVersion(String ruleSetId, String version, LocalDate effectiveFrom,
                                                         String parameters, LegalBasis source) {
        return EntitlementVersionFormat.amendment(entitlements.ruleSet(ruleSetId).orElseThrow(), version,
                effectiveFrom, parameters, source);
    }

    private VersionHistory history(String ruleSetId) {
        VersionHistory history = VersionHistory.empty(ruleSetId);
        Optional<ContributionRuleSet> contribution = contributions.ruleSet(ruleSetId);
        if (contribution.isPresent()) {
            for (ContributionRuleSetVersion v : contribution.get().versions()) {
                history = history.and(v.version(), v.effectiveFrom().atDay(1));
            }
            return history;
        }
        for (EntitlementRuleSetVersion v : entitlements.ruleSet(ruleSetId).orElseThrow().versions()) {
            history = history.and(v.version(), v.effectiveFrom());
        }
        return history;
    }

    private static RuleSetListing listing(ContributionRuleSet ruleSet) {
        // a contribution schedule states law: there are no model schedules
        return new RuleSetListing(ruleSet.id(), RuleSetKind.CONTRIBUTIONS, RuleSetStatus.IN_FORCE,
                ruleSet.versions().stream().map(RuleSetCatalogue::listed).toList());
    }

    private static RuleSetListing listing(EntitlementRuleSet ruleSet) {
        return new RuleSetListing(ruleSet.id(), ruleSet.kind(), ruleSet.status(),
                ruleSet.versions().stream().map(RuleSetCatalogue::listed).toList());
    }

    private static ListedVersion listed(ContributionRuleSetVersion version) {
        return new ListedVersion(version.version(), version.effectiveFrom().atDay(1), version.basis(),
                ContributionVersionFormat.parameters(version));
    }

    private static ListedVersion listed(EntitlementRuleSetVersion version) {
        return new ListedVersion(version.version(), version.effectiveFrom(), version.basis(), version.parameters());
    }
}
