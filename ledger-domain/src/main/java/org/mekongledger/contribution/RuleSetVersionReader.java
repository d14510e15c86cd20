package org.mekongledger.contribution;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule-set JSON. Walks the tree by hand instead of data-binding so that every problem is
 * reported with the file and the field path (e.g. {@code ratesPercent.EMPLOYEE.UNEMPLOYMENT}),
 * and so that a misspelt field is an error rather than silently ignored: these files set what
 * people pay. Amounts may be JSON strings or numbers; numbers are read as BigDecimal, never double.
 */
final class RuleSetVersionReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Set<String> VERSION_FIELDS = Set.of("ruleSetId", "version", "effectiveFrom", "currency",
            "wageFloor", "wageCeiling", "ratesPercent", "rounding", "source");
    private static final Set<String> ROUNDING_FIELDS = Set.of("shareScale", "shareMode", "branchScale",
            "branchMode", "remainderBranch");

    private final String resource;

    private RuleSetVersionReader(String resource) {
        this.resource = resource;
    }

    /** Reads {@code rulesets/index.json}: a JSON array of resource paths. */
    static List<String> readIndex(String resource, InputStream in) {
        RuleSetVersionReader reader = new RuleSetVersionReader(resource);
        JsonNode root = reader.parse(in);
        if (!root.isArray()) {
            throw reader.problem("must be a JSON array of resource paths");
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            paths.add(reader.text(root.get(i), "[" + i + "]"));
        }
        return paths;
    }

    static ContributionRuleSetVersion readVersion(String resource, InputStream in) {
        RuleSetVersionReader reader = new RuleSetVersionReader(resource);
        return reader.version(reader.parse(in));
    }

    private ContributionRuleSetVersion version(JsonNode root) {
        requireObject(root, "the top level", VERSION_FIELDS);
        String ruleSetId = text(root.get("ruleSetId"), "ruleSetId");
        String version = text(root.get("version"), "version");
        YearMonth effectiveFrom = yearMonth(root.get("effectiveFrom"), "effectiveFrom");
        Currency currency = currency(root.get("currency"), "currency");
        BigDecimal floor = decimal(root.get("wageFloor"), "wageFloor");
        BigDecimal ceiling = decimal(root.get("wageCeiling"), "wageCeiling");
        Map<Party, Map<Branch, BigDecimal>> rates = rates(root.get("ratesPercent"));
        ShareRounding rounding = rounding(root.get("rounding"));
        String source = text(root.get("source"), "source");
        try {
            return new ContributionRuleSetVersion(ruleSetId, version, effectiveFrom, currency, floor, ceiling,
                    rates, rounding, source);
        } catch (IllegalArgumentException e) {
            // the record's own validation names the field; prefix the file
            throw new RuleSetFormatException(resource, e.getMessage(), e);
        }
    }

    private Map<Party, Map<Branch, BigDecimal>> rates(JsonNode node) {
        String field = "ratesPercent";
        requireObject(node, field, names(Party.values()));
        Map<Party, Map<Branch, BigDecimal>> rates = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            String partyField = field + "." + party;
            JsonNode partyNode = node.get(party.name());
            requireObject(partyNode, partyField, names(Branch.values()));
            Map<Branch, BigDecimal> branchRates = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                branchRates.put(branch, decimal(partyNode.get(branch.name()), partyField + "." + branch));
            }
            rates.put(party, branchRates);
        }
        return rates;
    }

    private ShareRounding rounding(JsonNode node) {
        requireObject(node, "rounding", ROUNDING_FIELDS);
        try {
            return new ShareRounding(
                    integer(node.get("shareScale"), "rounding.shareScale"),
                    enumValue(RoundingMode.class, node.get("shareMode"), "rounding.shareMode"),
                    integer(node.get("branchScale"), "rounding.branchScale"),
                    enumValue(RoundingMode.class, node.get("branchMode"), "rounding.branchMode"),
                    enumValue(Branch.class, node.get("remainderBranch"), "rounding.remainderBranch"));
        } catch (RuleSetFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RuleSetFormatException(resource, "rounding: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(InputStream in) {
        try (in) {
            JsonNode root = JSON.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw problem("is empty");
            }
            return root;
        } catch (JacksonException e) {
            throw new RuleSetFormatException(resource, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleSetFormatException(resource, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Requires an object whose fields are all known; missing fields are reported by the field readers. */
    private void requireObject(JsonNode node, String field, Set<String> allowed) {
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (!node.isObject()) {
            throw problem(field + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String prefix = field.equals("the top level") ? "" : field + ".";
                throw problem(prefix + name + " is not a known field; expected one of " + allowed);
            }
        }
    }

    private String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw problem(field + " must be a non-empty string");
        }
        return node.asText();
    }

    private BigDecimal decimal(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(text(node, field).trim());
        } catch (NumberFormatException e) {
            throw problem(field + " must be a decimal number, was \"" + node.asText() + "\"");
        }
    }

    private int integer(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw problem(field + " must be an integer");
        }
        return node.intValue();
    }

    private YearMonth yearMonth(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw problem(field + " must be a month as YYYY-MM, was \"" + value + "\"");
        }
    }

    private Currency currency(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw problem(field + " must be an ISO 4217 code, was \"" + value + "\"");
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw problem(field + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", was \"" + value + "\"");
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }

    private RuleSetFormatException missing(String field) {
        return problem(field + " is missing");
    }

    private RuleSetFormatException problem(String message) {
        return new RuleSetFormatException(resource, message);
    }
}
