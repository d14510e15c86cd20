package org.mekongledger.ruleset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mekongledger.api.RequestRefused;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one reader of rule-set JSON, for contribution schedules and entitlement rule sets alike: typed
 * access to the fields of one document. Walks the tree by hand instead of data-binding so that every
 * problem names the file and the field path (e.g. {@code ratesPercent.EMPLOYEE.UNEMPLOYMENT}), and an
 * unknown field is an error rather than silently ignored: these files decide what people pay and are
 * paid. Amounts may be JSON strings or numbers; numbers are read as BigDecimal, never double.
 */
final class RuleSetJson {

    /** The field name under which the document itself is reported, as in "the top level must be ...". */
    static final String TOP_LEVEL = "the top level";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String resource;

    RuleSetJson(String resource) {
        this.resource = resource;
    }

    JsonNode parse(InputStream in) {
        try (in) {
            return nonEmpty(JSON.readTree(in));
        } catch (JacksonException e) {
            throw new RuleSetFormatException(resource, "is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleSetFormatException(resource, "cannot be read: " + e.getMessage(), e);
        }
    }

    JsonNode parse(String json) {
        try {
            return nonEmpty(JSON.readTree(json));
        } catch (JacksonException e) {
            throw new RuleSetFormatException(resource, "is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * An index: a JSON array of resource paths (a classpath directory cannot be listed inside a jar).
     *
     * @param notAnArray the problem reported when the document is not an array
     */
    List<String> index(InputStream in, String notAnArray) {
        JsonNode root = parse(in);
        if (!root.isArray()) {
            throw problem(notAnArray);
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            paths.add(text(root.get(i), "[" + i + "]"));
        }
        return paths;
    }

    /**
     * The parameters of an amendment as a tree, to be completed into a document of the file format.
     *
     * @throws RequestRefused on field {@code parameters} if the text is not JSON at all
     */
    static JsonNode amendmentParameters(String parameters) {
        try {
            return JSON.readTree(parameters);
        } catch (JacksonException e) {
            throw new RequestRefused("parameters", "must be a JSON object");
        }
    }

    static ObjectNode newDocument() {
        return JSON.createObjectNode();
    }

    private JsonNode nonEmpty(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw problem("is empty");
        }
        return root;
    }

    /** Requires an object whose fields are all known; missing fields are reported by the field readers. */
    JsonNode object(JsonNode node, String field, Set<String> allowed) {
        JsonNode object = anyObject(node, field);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw problem(path(field, name) + " is not a known field; expected one of " + allowed);
            }
        }
        return object;
    }

    /** An object with free keys, such as a table by year. */
    JsonNode anyObject(JsonNode node, String field) {
        present(node, field);
        if (!node.isObject()) {
            throw problem(field + " must be a JSON object");
        }
        return node;
    }

    JsonNode array(JsonNode node, String field) {
        present(node, field);
        if (!node.isArray()) {
            throw problem(field + " must be a JSON array");
        }
        return node;
    }

    String text(JsonNode node, String field) {
        present(node, field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw problem(field + " must be a non-empty string");
        }
        return node.asText();
    }

    BigDecimal decimal(JsonNode node, String field) {
        present(node, field);
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(text(node, field).trim());
        } catch (NumberFormatException e) {
            throw problem(field + " must be a decimal number, was \"" + node.asText() + "\"");
        }
    }

    int integer(JsonNode node, String field) {
        present(node, field);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw problem(field + " must be an integer");
        }
        return node.intValue();
    }

    boolean bool(JsonNode node, String field) {
        present(node, field);
        if (!node.isBoolean()) {
            throw problem(field + " must be true or false");
        }
        return node.booleanValue();
    }

    YearMonth yearMonth(JsonNode node, String field) {
        return parsed(node, field, YearMonth::parse, "a month as YYYY-MM");
    }

    LocalDate date(JsonNode node, String field) {
        return parsed(node, field, LocalDate::parse, "a date as YYYY-MM-DD");
    }

    Currency currency(JsonNode node, String field) {
        return parsed(node, field, Currency::getInstance, "an ISO 4217 code");
    }

    /** A text field read as a value of its type; refused naming what the field must be and what it was. */
    private <T> T parsed(JsonNode node, String field, Function<String, T> parse, String expected) {
        String value = text(node, field);
        try {
            return parse.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw problem(field + " must be " + expected + ", was \"" + value + "\"");
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field) {
        return enumValue(type, text(node, field), field);
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw problem(field + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", was \"" + value + "\"");
        }
    }

    static String path(String parent, String child) {
        return parent.isEmpty() || parent.equals(TOP_LEVEL) ? child : parent + "." + child;
    }

    RuleSetFormatException problem(String message) {
        return new RuleSetFormatException(resource, message);
    }

    RuleSetFormatException problem(String message, Throwable cause) {
        return new RuleSetFormatException(resource, message, cause);
    }

    private void present(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw problem(field + " is missing");
        }
    }
}
