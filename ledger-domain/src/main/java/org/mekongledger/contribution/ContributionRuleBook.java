package org.mekongledger.contribution;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every contribution rule set shipped with the application, one JSON resource per version under
 * {@code rulesets/<RULESET_ID>/<version>.json}. The files are listed in {@code rulesets/index.json}
 * because a classpath directory cannot be listed once it sits inside a jar. Loading fails as a
 * whole on the first bad file: computing contributions with a partial rule book would be worse
 * than not starting.
 */
public final class ContributionRuleBook {

    static final String INDEX = "rulesets/index.json";

    private final Map<String, ContributionRuleSet> ruleSets;

    private ContributionRuleBook(Map<String, ContributionRuleSet> ruleSets) {
        this.ruleSets = Collections.unmodifiableMap(new TreeMap<>(ruleSets));
    }

    /**
     * Loads the rule sets shipped in this module's resources.
     *
     * @throws RuleSetFormatException naming the file and field if any resource is unusable
     */
    public static ContributionRuleBook loadShipped() {
        return load(ContributionRuleBook.class.getClassLoader());
    }

    /** Loads from any class loader; lets tests point at a directory of deliberately broken files. */
    static ContributionRuleBook load(ClassLoader classLoader) {
        List<String> paths = RuleSetVersionReader.readIndex(INDEX, open(classLoader, INDEX, INDEX));
        if (paths.isEmpty()) {
            throw new RuleSetFormatException(INDEX, "lists no rule-set versions");
        }
        Map<String, List<Loaded>> byRuleSet = new LinkedHashMap<>();
        for (String path : paths) {
            ContributionRuleSetVersion version = RuleSetVersionReader.readVersion(path, open(classLoader, path, INDEX));
            requireConventionalPath(path, version);
            byRuleSet.computeIfAbsent(version.ruleSetId(), id -> new ArrayList<>()).add(new Loaded(path, version));
        }
        Map<String, ContributionRuleSet> ruleSets = new TreeMap<>();
        byRuleSet.forEach((id, loaded) -> ruleSets.put(id, assemble(id, loaded)));
        return new ContributionRuleBook(ruleSets);
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

    /**
     * Reads a version from a JSON document with the fields of a shipped version file.
     *
     * @throws RuleSetFormatException naming the offending field
     */
    public static ContributionRuleSetVersion readVersion(String name, String json) {
        return RuleSetVersionReader.readVersion(name,
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Ids of the loaded rule sets, e.g. {@code TH_SSF_S33}, in alphabetical order. */
    public Set<String> schemes() {
        return ruleSets.keySet();
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
    private static void requireConventionalPath(String path, ContributionRuleSetVersion version) {
        String expected = "rulesets/" + version.ruleSetId() + "/" + version.version() + ".json";
        if (!path.equals(expected)) {
            throw new RuleSetFormatException(path, "declares ruleSetId " + version.ruleSetId() + " and version "
                    + version.version() + ", so it must be stored as " + expected);
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
