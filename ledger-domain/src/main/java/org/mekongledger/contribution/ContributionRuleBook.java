package org.mekongledger.contribution;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every contribution rule set in force, by id. Immutable; {@link #withVersion} returns a new book.
 * The shipped ones are read from their files by {@code org.mekongledger.ruleset.RuleSetFiles}.
 */
public final class ContributionRuleBook {

    private final Map<String, ContributionRuleSet> ruleSets;

    private ContributionRuleBook(Map<String, ContributionRuleSet> ruleSets) {
        this.ruleSets = Collections.unmodifiableMap(new TreeMap<>(ruleSets));
    }

    /** A book of the given rule sets; reading them from files is the rule-set catalogue's concern. */
    public static ContributionRuleBook of(Collection<ContributionRuleSet> ruleSets) {
        Map<String, ContributionRuleSet> byId = new TreeMap<>();
        for (ContributionRuleSet ruleSet : ruleSets) {
            if (byId.putIfAbsent(ruleSet.id(), ruleSet) != null) {
                throw new IllegalArgumentException("two contribution rule sets are called " + ruleSet.id());
            }
        }
        return new ContributionRuleBook(byId);
    }

    public Optional<ContributionRuleSet> ruleSet(String id) {
        return Optional.ofNullable(ruleSets.get(id));
    }

    /**
     * This book with one more version; the book itself never changes (history is not edited).
     *
     * @throws IllegalArgumentException for an unknown rule set, or a version not after the latest
     */
    public ContributionRuleBook withVersion(ContributionRuleSetVersion version) {
        ContributionRuleSet ruleSet = ruleSet(version.ruleSetId()).orElseThrow(() ->
                new IllegalArgumentException("no contribution rule set " + version.ruleSetId()));
        Map<String, ContributionRuleSet> amended = new TreeMap<>(ruleSets);
        amended.put(ruleSet.id(), ruleSet.withVersion(version));
        return new ContributionRuleBook(amended);
    }

    /** Ids of the loaded rule sets, e.g. {@code TH_SSF_S33}, in alphabetical order. */
    public Set<String> schemes() {
        return ruleSets.keySet();
    }
}
