package org.mekongledger.ruleset;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;

/**
 * The rule sets shipped with the application, one JSON resource per version: contribution schedules
 * under {@code rulesets/<RULESET_ID>/<version>.json}, listed in {@code rulesets/index.json}, and
 * entitlement rule sets under {@code rulesets/entitlement/<ruleSetId>/<version>.json}, listed in
 * {@code rulesets/entitlement-index.json} (a classpath directory cannot be listed inside a jar).
 * Loading fails as a whole on the first bad file: computing contributions or paying benefits from a
 * partial rule book would be worse than not starting.
 */
public final class RuleSetFiles {

    public static final String CONTRIBUTION_INDEX = "rulesets/index.json";
    public static final String ENTITLEMENT_INDEX = "rulesets/entitlement-index.json";
    static final String ENTITLEMENT_FOLDER = "rulesets/entitlement/";

    private RuleSetFiles() {
    }

    /**
     * The contribution schedules shipped in this module's resources.
     *
     * @throws RuleSetFormatException naming the file and field if any resource is unusable
     */
    public static ContributionRuleBook shippedContributions() {
        return contributions(RuleSetFiles.class.getClassLoader());
    }

    /**
     * The entitlement rule sets shipped in this module's resources.
     *
     * @throws RuleSetFormatException naming the file and field if any resource is unusable
     */
    public static EntitlementRuleBook shippedEntitlements() {
        return entitlements(RuleSetFiles.class.getClassLoader());
    }

    /**
     * Reads an entitlement version written in the shipped file format, e.g. an administrator's new
     * declared returns or an enacted agreement.
     *
     * @param origin names the text in error messages, e.g. "request body"
     * @throws RuleSetFormatException naming the field if the text is unusable
     */
    public static EntitlementRuleSetVersion readEntitlementVersion(String origin, String json) {
        return EntitlementVersionFormat.readVersion(origin, json);
    }

    /** Loads from any class loader; lets tests point at a directory of deliberately broken files. */
    static ContributionRuleBook contributions(ClassLoader classLoader) {
        List<String> paths = ContributionVersionFormat.readIndex(CONTRIBUTION_INDEX,
                open(classLoader, CONTRIBUTION_INDEX, CONTRIBUTION_INDEX));
        if (paths.isEmpty()) {
            throw new RuleSetFormatException(CONTRIBUTION_INDEX, "lists no rule-set versions");
        }
        Map<String, List<Loaded>> byRuleSet = new LinkedHashMap<>();
        for (String path : paths) {
            ContributionRuleSetVersion version = ContributionVersionFormat.readVersion(path,
                    open(classLoader, path, CONTRIBUTION_INDEX));
            requireConventionalPath(path, "rulesets/", version.ruleSetId(), version.version());
            byRuleSet.computeIfAbsent(version.ruleSetId(), id -> new ArrayList<>()).add(new Loaded(path, version));
        }
        List<ContributionRuleSet> ruleSets = new ArrayList<>();
        byRuleSet.forEach((id, loaded) -> ruleSets.add(assemble(id, loaded)));
        return ContributionRuleBook.of(ruleSets);
    }

    /** Loads from any class loader; lets tests point at a directory of deliberately broken files. */
    static EntitlementRuleBook entitlements(ClassLoader classLoader) {
        List<String> paths = EntitlementVersionFormat.readIndex(ENTITLEMENT_INDEX,
                open(classLoader, ENTITLEMENT_INDEX, ENTITLEMENT_INDEX));
        if (paths.isEmpty()) {
            throw new RuleSetFormatException(ENTITLEMENT_INDEX, "lists no rule-set versions");
        }
        List<EntitlementRuleSetVersion> versions = new ArrayList<>();
        for (String path : paths) {
            EntitlementRuleSetVersion version = EntitlementVersionFormat.readVersion(path,
                    open(classLoader, path, ENTITLEMENT_INDEX));
            requireConventionalPath(path, ENTITLEMENT_FOLDER, version.ruleSetId(), version.version());
            versions.add(version);
        }
        try {
            return EntitlementRuleBook.of(versions);
        } catch (IllegalArgumentException e) {
            throw new RuleSetFormatException(ENTITLEMENT_INDEX, e.getMessage(), e);
        }
    }

    /** Index order does not matter; effectiveFrom does. Equal dates are rejected by withVersion. */
    private static ContributionRuleSet assemble(String id, List<Loaded> loaded) {
        List<Loaded> ordered = new ArrayList<>(loaded);
        ordered.sort(Comparator.comparing(l -> l.version().effectiveFrom()));
        ContributionRuleSet ruleSet = ContributionRuleSet.empty(id);
        for (Loaded l : ordered) {
            try {
                ruleSet = ruleSet.withVersion(l.version());
            } catch (IllegalArgumentException e) {
                throw new RuleSetFormatException(l.path(), e.getMessage(), e);
            }
        }
        return ruleSet;
    }

    /** A file whose content disagrees with its name is most likely a copy that was not fully edited. */
    private static void requireConventionalPath(String path, String folder, String ruleSetId, String version) {
        String expected = folder + ruleSetId + "/" + version + ".json";
        if (!path.equals(expected)) {
            throw new RuleSetFormatException(path, "declares ruleSetId " + ruleSetId + " and version "
                    + version + ", so it must be stored as " + expected);
        }
    }

    private static InputStream open(ClassLoader classLoader, String path, String listedIn) {
        InputStream in = classLoader.getResourceAsStream(path);
        if (in == null) {
            throw path.equals(listedIn)
                    ? new RuleSetFormatException(path, "is not on the classpath")
                    : new RuleSetFormatException(listedIn, "lists " + path + ", which is not on the classpath");
        }
        return in;
    }

    private record Loaded(String path, ContributionRuleSetVersion version) {
    }
}
