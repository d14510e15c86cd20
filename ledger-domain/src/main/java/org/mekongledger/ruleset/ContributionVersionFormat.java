package org.mekongledger.ruleset;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.contribution.ContributionRuleSetVersion;
import org.mekongledger.contribution.ShareRounding;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.Party;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The file format of a contribution schedule version ({@code rulesets/<RULESET_ID>/<version>.json}):
 * the header fields at the top level beside the rates and the rounding.
 */
final class ContributionVersionFormat {

    static final Set<String> HEADER = Set.of("ruleSetId", "version", "effectiveFrom", LegalBasisFormat.FIELD);
    private static final Set<String> VERSION_FIELDS = Set.of("ruleSetId", "version", "effectiveFrom", "currency",
            "wageFloor", "wageCeiling", "ratesPercent", "rounding", "areas", "until", LegalBasisFormat.FIELD);
    private static final Set<String> ROUNDING_FIELDS = Set.of("shareScale", "shareMode", "branchScale",
            "branchMode", "remainderBranch");

    private final RuleSetJson json;

    private ContributionVersionFormat(String resource) {
        this.json = new RuleSetJson(resource);
    }

    /** Reads {@code rulesets/index.json}: a JSON array of resource paths. */
    static List<String> readIndex(String resource, InputStream in) {
        return new RuleSetJson(resource).index(in, "must be a JSON array of resource paths");
    }

    static ContributionRuleSetVersion readVersion(String resource, InputStream in) {
        ContributionVersionFormat format = new ContributionVersionFormat(resource);
        return format.version(format.json.parse(in));
    }

    static ContributionRuleSetVersion readVersion(String resource, String text) {
        ContributionVersionFormat format = new ContributionVersionFormat(resource);
        return format.version(format.json.parse(text));
    }

    /**
     * The version an administrator adds: the given parameters completed with the header into a
     * document of the shipped format, so it is read and checked exactly like a shipped file.
     *
     * @throws RequestRefused naming {@code effectiveFrom} for a date within a month, or
     *                        {@code parameters} for parameters that do not make a valid version
     */
    static ContributionRuleSetVersion amendment(String ruleSetId, String version, LocalDate effectiveFrom,
                                                String parameters, LegalBasis basis) {
        if (effectiveFrom.getDayOfMonth() != 1) {
            throw new RequestRefused("effectiveFrom", "contribution rules change on the first day of a month");
        }
        if (!(RuleSetJson.amendmentParameters(parameters) instanceof ObjectNode given)) {
            throw new RequestRefused("parameters", "must be a JSON object");
        }
        ObjectNode document = given.deepCopy();
        document.remove(HEADER);
        document.put("ruleSetId", ruleSetId);
        document.put("version", version);
        document.put("effectiveFrom", YearMonth.from(effectiveFrom).toString());
        document.set(LegalBasisFormat.FIELD, LegalBasisFormat.json(basis));
        try {
            return readVersion("parameters", document.toString());
        } catch (IllegalArgumentException invalid) {
            throw new RequestRefused("parameters", invalid.getMessage());
        }
    }

    /** The version's parameters as shown over the API: the shipped format without the header fields. */
    static Map<String, Object> parameters(ContributionRuleSetVersion version) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("currency", version.currency().getCurrencyCode());
        parameters.put("wageFloor", version.wageFloor().toPlainString());
        parameters.put("wageCeiling", version.wageCeiling().toPlainString());
        Map<String, Object> rates = new LinkedHashMap<>();
        version.ratesPercent().forEach((party, branches) -> {
            Map<String, Object> byBranch = new LinkedHashMap<>();
            branches.forEach((branch, rate) -> byBranch.put(branch.name(), rate.toPlainString()));
            rates.put(party.name(), byBranch);
        });
        parameters.put("ratesPercent", rates);
        Map<String, Object> rounding = new LinkedHashMap<>();
        rounding.put("shareScale", version.rounding().shareScale());
        rounding.put("shareMode", version.rounding().shareMode().name());
        rounding.put("branchScale", version.rounding().branchScale());
        rounding.put("branchMode", version.rounding().branchMode().name());
        rounding.put("remainderBranch", version.rounding().remainderBranch().name());
        parameters.put("rounding", rounding);
        if (version.scoped()) {
            parameters.put("areas", List.copyOf(version.areas()));
            parameters.put("until", version.until().toString());
        }
        return parameters;
    }

    private ContributionRuleSetVersion version(JsonNode root) {
        json.object(root, RuleSetJson.TOP_LEVEL, VERSION_FIELDS);
        String ruleSetId = json.text(root.get("ruleSetId"), "ruleSetId");
        String version = json.text(root.get("version"), "version");
        YearMonth effectiveFrom = json.yearMonth(root.get("effectiveFrom"), "effectiveFrom");
        Currency currency = json.currency(root.get("currency"), "currency");
        BigDecimal floor = json.decimal(root.get("wageFloor"), "wageFloor");
        BigDecimal ceiling = json.decimal(root.get("wageCeiling"), "wageCeiling");
        Map<Party, Map<Branch, BigDecimal>> rates = rates(root.get("ratesPercent"));
        ShareRounding rounding = rounding(root.get("rounding"));
        LegalBasis basis = LegalBasisFormat.read(json, root.get(LegalBasisFormat.FIELD));
        Set<String> areas = new TreeSet<>();
        JsonNode areaNodes = root.get("areas");
        if (areaNodes != null && !areaNodes.isNull()) {
            json.array(areaNodes, "areas");
            for (int i = 0; i < areaNodes.size(); i++) {
                areas.add(json.text(areaNodes.get(i), "areas[" + i + "]"));
            }
        }
        JsonNode untilNode = root.get("until");
        YearMonth until = untilNode == null || untilNode.isNull() ? null : json.yearMonth(untilNode, "until");
        try {
            return new ContributionRuleSetVersion(ruleSetId, version, effectiveFrom, currency, floor, ceiling,
                    rates, rounding, basis, areas, until);
        } catch (IllegalArgumentException e) {
            // the record's own validation names the field; this adds the file
            throw json.problem(e.getMessage(), e);
        }
    }

    private Map<Party, Map<Branch, BigDecimal>> rates(JsonNode node) {
        String field = "ratesPercent";
        json.object(node, field, names(Party.values()));
        Map<Party, Map<Branch, BigDecimal>> rates = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            String partyField = field + "." + party;
            JsonNode partyNode = node.get(party.name());
            json.object(partyNode, partyField, names(Branch.values()));
            Map<Branch, BigDecimal> branchRates = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                branchRates.put(branch, json.decimal(partyNode.get(branch.name()), partyField + "." + branch));
            }
            rates.put(party, branchRates);
        }
        return rates;
    }

    private ShareRounding rounding(JsonNode node) {
        json.object(node, "rounding", ROUNDING_FIELDS);
        try {
            return new ShareRounding(
                    json.integer(node.get("shareScale"), "rounding.shareScale"),
                    json.enumValue(RoundingMode.class, node.get("shareMode"), "rounding.shareMode"),
                    json.integer(node.get("branchScale"), "rounding.branchScale"),
                    json.enumValue(RoundingMode.class, node.get("branchMode"), "rounding.branchMode"),
                    json.enumValue(Branch.class, node.get("remainderBranch"), "rounding.remainderBranch"));
        } catch (RuleSetFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw json.problem("rounding: " + e.getMessage(), e);
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
