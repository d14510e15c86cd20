package org.mekongledger.rulesets;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule sets in force: the shipped versions plus every version administrators added, for
 * contributions and for entitlements. Readers get immutable books (and an engine built on them);
 * an amendment swaps in new ones once its transaction has committed.
 */
public class RuleLibrary implements RuleSetCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<ContributionRuleBook> contributions;
    private final AtomicReference<EntitlementRuleBook> benefits;
    private final AtomicReference<EntitlementEngine> engine;
    /** Counts amendments, so answers computed under older rules are told apart. */
    private final java.util.concurrent.atomic.AtomicLong revision = new java.util.concurrent.atomic.AtomicLong();

    RuleLibrary(ContributionRuleBook shippedContributions, EntitlementRuleBook shippedBenefits, JdbcClient jdbc) {
        this.contributions = new AtomicReference<>(shippedContributions);
        this.benefits = new AtomicReference<>(shippedBenefits);
        this.engine = new AtomicReference<>(new EntitlementEngine(shippedBenefits));
        for (Map<String, Object> row : jdbc.sql("select * from rule_set_version order by effective_from").query().listOfRows()) {
            added((String) row.get("rule_set_id"), (String) row.get("version"),
                    ((java.sql.Date) row.get("effective_from")).toLocalDate(), (String) row.get("parameters"),
                    (String) row.get("source"));
        }
    }

    public long revision() {
        return revision.get();
    }

    public EntitlementEngine engine() {
        return engine.get();
    }

    public EntitlementRuleBook benefitBook() {
        return benefits.get();
    }

    public ContributionRuleBook contributionBook() {
        return contributions.get();
    }

    @Override
    public void check(AddRuleSetVersion command) {
        Optional<EntitlementRuleSet> benefitRules = benefits.get().ruleSet(command.ruleSetId());
        if (benefitRules.isPresent()) {
            checkBenefits(benefitRules.get(), command);
            return;
        }
        ContributionRuleSet ruleSet = contributions.get().ruleSet(command.ruleSetId())
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
        return benefits.get().ruleSet(command.ruleSetId()).map(ruleSet -> benefitVersion(ruleSet, command.version(),
                command.effectiveFrom(), command.parameters(), command.source()));
    }

    ContributionRuleSetVersion contributionVersionOf(AddRuleSetVersion command) {
        return contributionVersion(command.ruleSetId(), command.version(), command.effectiveFrom(),
                command.parameters(), command.source());
    }

    /** Called once the amendment's transaction has committed (and at start-up for stored ones). */
    synchronized void added(String ruleSetId, String version, LocalDate effectiveFrom, String parameters, String source) {
        Optional<EntitlementRuleSet> benefitRules = benefits.get().ruleSet(ruleSetId);
        if (benefitRules.isPresent()) {
            EntitlementRuleBook book = benefits.updateAndGet(current -> current.withVersion(
                    benefitVersion(benefitRules.get(), version, effectiveFrom, parameters, source)));
            engine.set(new EntitlementEngine(book));
            revision.incrementAndGet();
            return;
        }
        ContributionRuleSetVersion added = contributionVersion(ruleSetId, version, effectiveFrom, parameters, source);
        contributions.updateAndGet(book -> book.withVersion(added));
        revision.incrementAndGet();
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
