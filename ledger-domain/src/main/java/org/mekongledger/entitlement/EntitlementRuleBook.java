package org.mekongledger.entitlement;

import org.mekongledger.contribution.RuleSetFormatException;

import java.io.InputStream;
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
 * Every entitlement rule set: national old-age benefits, bilateral agreements, welfare funds. The
 * shipped files are listed in {@code rulesets/entitlement-index.json} (a classpath directory cannot
 * be listed inside a jar) and stored as {@code rulesets/entitlement/<ruleSetId>/<version>.json}.
 * Loading fails as a whole on the first bad file: paying from a partial rule book would be worse
 * than not starting. Immutable; {@link #withVersion} returns a new book.
 */
public final class EntitlementRuleBook {

    static final String INDEX = "rulesets/entitlement-index.json";
    static final String FOLDER = "rulesets/entitlement/";

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
     * Loads the rule sets shipped in this module's resources.
     *
     * @throws RuleSetFormatException naming the file and field if any resource is unusable
     */
    public static EntitlementRuleBook loadShipped() {
        return load(EntitlementRuleBook.class.getClassLoader());
    }

    /** Loads from any class loader; lets tests point at a directory of deliberately broken files. */
    static EntitlementRuleBook load(ClassLoader classLoader) {
        List<String> paths = EntitlementRuleSetReader.readIndex(INDEX, open(classLoader, INDEX));
        if (paths.isEmpty()) {
            throw new RuleSetFormatException(INDEX, "lists no rule-set versions");
        }
        List<EntitlementRuleSetVersion> versions = new ArrayList<>();
        for (String path : paths) {
            EntitlementRuleSetVersion version = EntitlementRuleSetReader.readVersion(path, open(classLoader, path));
            requireConventionalPath(path, version);
            versions.add(version);
        }
        try {
            return of(versions);
        } catch (IllegalArgumentException e) {
            throw new RuleSetFormatException(INDEX, e.getMessage(), e);
        }
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
     * Parses one version written in the shipped file format, e.g. an administrator's new declared
     * returns or an enacted agreement.
     *
     * @param origin names the text in error messages, e.g. "request body"
     * @throws RuleSetFormatException naming the field if the text is unusable
     */
    public static EntitlementRuleSetVersion readVersion(String origin, String json) {
        return EntitlementRuleSetReader.readVersion(origin, json);
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

    /** A file whose content disagrees with its name is most likely a copy that was not fully edited. */
    private static void requireConventionalPath(String path, EntitlementRuleSetVersion version) {
        String expected = FOLDER + version.ruleSetId() + "/" + version.version() + ".json";
        if (!path.equals(expected)) {
            throw new RuleSetFormatException(path, "declares ruleSetId " + version.ruleSetId() + " and version "
                    + version.version() + ", so it must be stored as " + expected);
        }
    }

    private static InputStream open(ClassLoader classLoader, String path) {
        InputStream in = classLoader.getResourceAsStream(path);
        if (in == null) {
            throw path.equals(INDEX)
                    ? new RuleSetFormatException(path, "is not on the classpath")
                    : new RuleSetFormatException(INDEX, "lists " + path + ", which is not on the classpath");
        }
        return in;
    }
}
