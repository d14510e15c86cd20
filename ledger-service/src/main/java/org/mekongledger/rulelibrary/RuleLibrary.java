package org.mekongledger.rulelibrary;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.mekongledger.ruleset.LegalBasisFormat;
import org.mekongledger.vocabulary.LegalBasis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.entitlement.EntitlementEngine;
import org.mekongledger.ruleset.RuleSetCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rule sets in force: the shipped versions plus every version administrators added, for
 * contributions and for entitlements. Readers get one immutable {@link RuleSetCatalogue} per
 * revision (its two books agree with each other) and an engine built on it.
 * Replicas agree through the one-row table rule_set_revision: an amendment bumps it in its own
 * transaction, and whoever finds it ahead of the books in memory rebuilds them from the database.
 */
public class RuleLibrary {

    /** Everything in force at one revision of the stored versions, swapped in as one. */
    private record Books(long revision, RuleSetCatalogue catalogue, EntitlementEngine engine,
                         Map<String, LegalBasis> bases) {

        Books(long revision, RuleSetCatalogue catalogue, EntitlementEngine engine) {
            this(revision, catalogue, engine, bases(catalogue));
        }

        /** Every version's basis by {@code ruleSetId@version}, for the steps and lines that name a version. */
        private static Map<String, LegalBasis> bases(RuleSetCatalogue catalogue) {
            Map<String, LegalBasis> bases = new java.util.HashMap<>();
            for (org.mekongledger.ruleset.RuleSetListing ruleSet : catalogue.ruleSets()) {
                ruleSet.versions().forEach(v -> bases.put(ruleSet.id() + "@" + v.version(), v.basis()));
            }
            return Map.copyOf(bases);
        }
    }

    private static final long ANSWER_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RuleSetCatalogue shipped;
    private final JdbcClient jdbc;
    private final AtomicReference<Books> books;
    private final AtomicLong nextAnswerCheck = new AtomicLong(System.nanoTime());

    RuleLibrary(RuleSetCatalogue shipped, JdbcClient jdbc) {
        this.shipped = shipped;
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

    /** Every rule set in force, whatever its kind: "which kind of rule set is this?" is asked here. */
    public RuleSetCatalogue catalogue() {
        return books.get().catalogue();
    }

    /**
     * What a version rests on, looked up by the labels a step or a filing line names. A month priced
     * under two versions (two employers, one in a province with its own version) names both joined
     * by {@code +}: the weaker basis is answered, so an assumption is never hidden behind a verified figure.
     */
    public Optional<LegalBasis> basis(String ruleSetId, String version) {
        if (ruleSetId == null || version == null) {
            return Optional.empty();
        }
        Map<String, LegalBasis> bases = books.get().bases();
        LegalBasis weakest = null;
        int start = 0;
        while (start <= version.length()) {
            int plus = version.indexOf('+', start);
            int end = plus < 0 ? version.length() : plus;
            LegalBasis basis = bases.get(ruleSetId + "@" + version.substring(start, end));
            if (basis == null) {
                return Optional.empty();
            }
            if (weakest == null || basis.status().compareTo(weakest.status()) > 0) {
                weakest = basis;
            }
            start = end + 1;
        }
        return Optional.ofNullable(weakest);
    }

    public ContributionRuleBook contributionBook() {
        return catalogue().contributions();
    }

    /**
     * The catalogue for a filing: inside the filing's transaction the revision row is read FOR SHARE,
     * so a version another replica committed is loaded first and one being added now waits for this
     * filing (or this filing for it).
     */
    public RuleSetCatalogue catalogueForFiling() {
        holdRevisionForFiling();
        return catalogue();
    }

    /**
     * The catalogue an amendment is decided against, inside the amendment's transaction: the revision
     * row is locked FOR UPDATE first and the library caught up, so every committed version (from any
     * replica) is seen, and no filing runs between this decision and the amendment's commit.
     */
    RuleSetCatalogue catalogueForAmendment() {
        catchUpTo(jdbc.sql("select revision from rule_set_revision for update").query(Long.class).single());
        return catalogue();
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
                        select r.revision, v.rule_set_id, v.version, v.effective_from, v.parameters, v.source, v.basis
                        from rule_set_revision r left join rule_set_version v on true
                        order by v.effective_from, v.version""")
                .query().listOfRows();
        long revision = rows.isEmpty() ? 0 : ((Number) rows.get(0).get("revision")).longValue();
        RuleSetCatalogue catalogue = shipped;
        for (Map<String, Object> row : rows) {
            if (row.get("rule_set_id") != null) {
                LocalDate from = ((java.sql.Date) row.get("effective_from")).toLocalDate();
                String stored = (String) row.get("basis");
                LegalBasis basis = stored == null
                        ? LegalBasisFormat.unrecorded((String) row.get("source"), from.toString())
                        : LegalBasisFormat.fromJson(stored);
                catalogue = catalogue.withVersion((String) row.get("rule_set_id"), (String) row.get("version"),
                        from, (String) row.get("parameters"), basis);
            }
        }
        return new Books(revision, catalogue, new EntitlementEngine(catalogue.entitlements()));
    }
}
