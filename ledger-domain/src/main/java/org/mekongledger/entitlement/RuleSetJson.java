package org.mekongledger.entitlement;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mekongledger.contribution.RuleSetFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed access to the fields of one rule-set JSON document. Every problem names the file and the
 * field path, and an unknown field is an error rather than silently ignored: these files decide
 * what people are paid. Amounts may be JSON strings or numbers; numbers are read as BigDecimal.
 */
final class RuleSetJson {

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

    LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw problem(field + " must be a date as YYYY-MM-DD, was \"" + value + "\"");
        }
    }

    Currency currency(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw problem(field + " must be an ISO 4217 code, was \"" + value + "\"");
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
        return parent.isEmpty() ? child : parent + "." + child;
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
