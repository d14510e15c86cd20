package org.mekongledger.rulelibrary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.entitlement.EntitlementEngine;
import org.mekongledger.entitlement.EntitlementRuleBook;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;
import org.mekongledger.ruleset.RuleSetCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule sets in force: the shipped versions plus every version administrators added, for
 * contributions and for entitlements. Readers get immutable books (and an engine built on them).
 * Replicas agree through the one-row table rule_set_revision: an amendment bumps it in its own
 * transaction, and whoever finds it ahead of the books in memory rebuilds them from the database.
 */
public class RuleLibrary implements RuleSetCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything in force at one revision of the stored versions, swapped in as one. */
    private record Books(long revision, ContributionRuleBook contributions, EntitlementRuleBook benefits,
                         EntitlementEngine engine) {
    }

    private record StoredVersion(String ruleSetId, String version, LocalDate effectiveFrom, String parameters,
                                 String source) {
    }

    private final ContributionRuleBook shippedContributions;
    private final EntitlementRuleBook shippedBenefits;
    private final JdbcClient jdbc;
    private final AtomicReference<Books> books;
    private static final long ANSWER_CHECK_INTERVAL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private final java.util.concurrent.atomic.AtomicLong nextAnswerCheck =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    RuleLibrary(ContributionRuleBook shippedContributions, EntitlementRuleBook shippedBenefits, JdbcClient jdbc) {
        this.shippedContributions = shippedContributions;
        this.shippedBenefits = shippedBenefits;
        this.jdbc = jdbc;
        this.books = new AtomicReference<>(load());
    }

    /** The revision of the stored versions this library holds; answers computed under another differ. */
    public long revision() {
        return books.get().revision();
    }

    public EntitlementEngine engine() {
        return books.get().engine();
    }

    public EntitlementRuleBook benefitBook() {
        return books.get().benefits();
    }

    public ContributionRuleBook contributionBook() {
        return books.get().contributions();
    }

    /**
     * The contribution book for a filing: inside the filing's transaction the revision row is read
     * FOR SHARE, so a version another replica committed is loaded first and one being added now waits
     * for this filing (or this filing for it).
     */
    public ContributionRuleBook contributionBookForFiling() {
        holdRevisionForFiling();
        return contributionBook();
    }

    /** The welfare funds' fees for a filing, under the same lock as {@link #contributionBookForFiling()}. */
    public EntitlementRuleBook benefitBookForFiling() {
        holdRevisionForFiling();
        return benefitBook();
    }

    /**
     * For entitlement answers, which come from memory on the hot path: the revision is asked at most
     * once per {@link #ANSWER_CHECK_INTERVAL_NANOS}, not once per request (one query per answer cut
     * the query benchmark to a quarter). A version added on another replica is used for answers here
     * within a second; filings check it inside their own transaction.
     */
    public void refreshForAnswers() {
        long now = System.nanoTime();
        long due = nextAnswerCheck.get();
        if (now - due < 0 || !nextAnswerCheck.compareAndSet(due, now + ANSWER_CHECK_INTERVAL_NANOS)) {
            return;
        }
        refreshIfBehind();
    }

    /** For reads: one cheap query; reloads when another replica (or this one) added a version. */
    public void refreshIfBehind() {
        long committed = jdbc.sql("select revision from rule_set_revision").query(Long.class).single();
        catchUpTo(committed);
    }

    /**
     * Read FOR SHARE on every call, not once per transaction: a command retried after a lost race
     * rolls back to its savepoint, and that releases a row lock taken inside it.
     */
    private void holdRevisionForFiling() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            refreshIfBehind();
            return;
        }
        catchUpTo(jdbc.sql("select revision from rule_set_revision for share").query(Long.class).single());
    }

    private void catchUpTo(long committed) {
        if (books.get().revision() < committed) {
            reload();
        }
    }

    /** Rebuilds every book from the shipped and the stored versions; readers see the old or the new set. */
    private synchronized void reload() {
        Books loaded = load();
        books.getAndUpdate(current -> loaded.revision() > current.revision() ? loaded : current);
    }

    /** One statement: the revision and the versions it counts are read from one snapshot. */
    private Books load() {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select r.revision, v.rule_set_id, v.version, v.effective_from, v.parameters, v.source
                        from rule_set_revision r left join rule_set_version v on true
                        order by v.effective_from, v.version""")
                .query().listOfRows();
        long revision = rows.isEmpty() ? 0 : ((Number) rows.get(0).get("revision")).longValue();
        ContributionRuleBook contributions = shippedContributions;
        EntitlementRuleBook benefits = shippedBenefits;
        for (Map<String, Object> row : rows) {
            if (row.get("rule_set_id") == null) {
                continue;
            }
            StoredVersion stored = new StoredVersion((String) row.get("rule_set_id"), (String) row.get("version"),
                    ((java.sql.Date) row.get("effective_from")).toLocalDate(), (String) row.get("parameters"),
                    (String) row.get("source"));
            Optional<EntitlementRuleSet> benefitRules = benefits.ruleSet(stored.ruleSetId());
            if (benefitRules.isPresent()) {
                benefits = benefits.withVersion(benefitVersion(benefitRules.get(), stored.version(),
                        stored.effectiveFrom(), stored.parameters(), stored.source()));
            } else {
                contributions = contributions.withVersion(contributionVersion(stored.ruleSetId(), stored.version(),
                        stored.effectiveFrom(), stored.parameters(), stored.source()));
            }
        }
        return new Books(revision, contributions, benefits, new EntitlementEngine(benefits));
    }

    /**
     * Checks a version to be added, inside the amendment's transaction: the revision row is locked
     * FOR UPDATE first and the library caught up, so every committed version (from any replica) is
     * seen, and no filing runs between this check and the amendment's commit.
     */
    @Override
    public void check(AddRuleSetVersion command) {
        long committed = jdbc.sql("select revision from rule_set_revision for update").query(Long.class).single();
        catchUpTo(committed);
        Optional<EntitlementRuleSet> benefitRules = benefitBook().ruleSet(command.ruleSetId());
        if (benefitRules.isPresent()) {
            checkBenefits(benefitRules.get(), command);
            return;
        }
        ContributionRuleSet ruleSet = contributionBook().ruleSet(command.ruleSetId())
                .orElseThrow(() -> new UnknownRecord("rule set", command.ruleSetId()));
        ContributionRuleSetVersion version = contributionVersion(command.ruleSetId(), command.version(),
                command.effectiveFrom(), command.parameters(), command.source());
        try {
            ruleSet.withVersion(version);
        } catch (IllegalArgumentException refused) {
            String field = ruleSet.versions().stream().anyMatch(v -> v.version().equals(command.version()))
                    ? "version" : "effectiveFrom";
            throw new RequestRefused(field, refused.getMessage());
        }
    }

    private static void checkBenefits(EntitlementRuleSet ruleSet, AddRuleSetVersion command) {
        EntitlementRuleSetVersion version = benefitVersion(ruleSet, command.version(), command.effectiveFrom(),
                command.parameters(), command.source());
        EntitlementRuleSetVersion latest = ruleSet.versions().get(ruleSet.versions().size() - 1);
        if (ruleSet.versions().stream().anyMatch(v -> v.version().equals(command.version()))) {
            throw new RequestRefused("version", ruleSet.id() + " already has a version labelled " + command.version());
        }
        if (!version.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw new RequestRefused("effectiveFrom", "must be after " + latest.effectiveFrom()
                    + ", when the latest version " + latest.version() + " took effect");
        }
    }

    /**
     * The version an amendment adds, as it is in force once the amendment's transaction commits: a
     * keyed request answers from it before the library has taken it in.
     */
    Optional<EntitlementRuleSetVersion> benefitVersionOf(AddRuleSetVersion command) {
        return benefitBook().ruleSet(command.ruleSetId()).map(ruleSet -> benefitVersion(ruleSet, command.version(),
                command.effectiveFrom(), command.parameters(), command.source()));
    }

    ContributionRuleSetVersion contributionVersionOf(AddRuleSetVersion command) {
        return contributionVersion(command.ruleSetId(), command.version(), command.effectiveFrom(),
                command.parameters(), command.source());
    }

    /** A benefit, agreement or welfare-fund version keeps its rule set's kind and status. */
    private static EntitlementRuleSetVersion benefitVersion(EntitlementRuleSet ruleSet, String version,
                                                            LocalDate effectiveFrom, String parameters, String source) {
        ObjectNode document = JSON.createObjectNode();
        document.put("ruleSetId", ruleSet.id());
        document.put("kind", ruleSet.kind().name());
        document.put("status", ruleSet.status().name());
        document.put("version", version);
        document.put("effectiveFrom", effectiveFrom.toString());
        document.put("source", source == null ? "added by an administrator" : source);
        try {
            document.set("parameters", JSON.readTree(parameters));
            return EntitlementRuleBook.readVersion("parameters", document.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RequestRefused("parameters", "must be a JSON object");
        } catch (IllegalArgumentException invalid) {
            throw new RequestRefused("parameters", invalid.getMessage());
        }
    }

    /** Contribution versions take effect on the first of a month; the document is the shipped format. */
    private static ContributionRuleSetVersion contributionVersion(String ruleSetId, String version, LocalDate effectiveFrom,
                                                                  String parameters, String source) {
        if (effectiveFrom.getDayOfMonth() != 1) {
            throw new RequestRefused("effectiveFrom", "contribution rules change on the first day of a month");
        }
        ObjectNode document;
        try {
            JsonNode given = JSON.readTree(parameters);
            if (!(given instanceof ObjectNode object)) {
                throw new RequestRefused("parameters", "must be a JSON object");
            }
            document = object.deepCopy();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RequestRefused("parameters", "must be a JSON object");
        }
        for (String reserved : List.of("ruleSetId", "version", "effectiveFrom", "source")) {
            document.remove(reserved);
        }
        document.put("ruleSetId", ruleSetId);
        document.put("version", version);
        document.put("effectiveFrom", YearMonth.from(effectiveFrom).toString());
        document.put("source", source == null ? "added by an administrator" : source);
        try {
            return ContributionRuleBook.readVersion("parameters", document.toString());
        } catch (IllegalArgumentException invalid) {
            throw new RequestRefused("parameters", invalid.getMessage());
        }
    }

    /** The version's parameters as shown over the API: the shipped format without the header fields. */
    static ObjectNode parametersOf(ContributionRuleSetVersion version) {
        ObjectNode parameters = JSON.createObjectNode();
        parameters.put("currency", version.currency().getCurrencyCode());
        parameters.put("wageFloor", version.wageFloor().toPlainString());
        parameters.put("wageCeiling", version.wageCeiling().toPlainString());
        ObjectNode rates = parameters.putObject("ratesPercent");
        version.ratesPercent().forEach((party, branches) -> {
            ObjectNode byBranch = rates.putObject(party.name());
            branches.forEach((branch, rate) -> byBranch.put(branch.name(), rate.toPlainString()));
        });
        ObjectNode rounding = parameters.putObject("rounding");
        rounding.put("shareScale", version.rounding().shareScale());
        rounding.put("shareMode", version.rounding().shareMode().name());
        rounding.put("branchScale", version.rounding().branchScale());
        rounding.put("branchMode", version.rounding().branchMode().name());
        rounding.put("remainderBranch", version.rounding().remainderBranch().name());
        return parameters;
    }
}
