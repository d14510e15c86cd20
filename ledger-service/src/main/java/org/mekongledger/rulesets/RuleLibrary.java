package org.mekongledger.rulesets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.ruleset.RuleSetCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule sets in force: the shipped versions plus every version administrators added. Readers
 * get an immutable book; an amendment swaps in a new one once its transaction has committed.
 */
public class RuleLibrary implements RuleSetCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<ContributionRuleBook> contributions;

    RuleLibrary(ContributionRuleBook shipped, JdbcClient jdbc) {
        ContributionRuleBook book = shipped;
        for (Map<String, Object> row : jdbc.sql("select * from rule_set_version order by effective_from").query().listOfRows()) {
            book = book.withVersion(contributionVersion((String) row.get("rule_set_id"), (String) row.get("version"),
                    ((java.sql.Date) row.get("effective_from")).toLocalDate(), (String) row.get("parameters"),
                    (String) row.get("source")));
        }
        this.contributions = new AtomicReference<>(book);
    }

    public Supplier<ContributionRuleBook> contributions() {
        return contributions::get;
    }

    public ContributionRuleBook contributionBook() {
        return contributions.get();
    }

    @Override
    public void check(AddRuleSetVersion command) {
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

    /** Called once the amendment's transaction has committed. */
    void added(String ruleSetId, String version, LocalDate effectiveFrom, String parameters, String source) {
        ContributionRuleSetVersion added = contributionVersion(ruleSetId, version, effectiveFrom, parameters, source);
        contributions.updateAndGet(book -> book.withVersion(added));
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
