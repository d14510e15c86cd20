package org.mekongledger.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mekongledger.vocabulary.Citation;
import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.SourceStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code basis} of every rule-set file, whatever its kind: {@code status}, {@code source},
 * {@code furtherSources}, {@code assumption} and {@code note}. Shown over the API in the same shape.
 */
public final class LegalBasisFormat {

    static final String FIELD = "basis";
    private static final Set<String> FIELDS = Set.of("status", "source", "furtherSources", "assumption", "note");
    private static final Set<String> CITATION = Set.of("title", "issuer", "date", "reference");

    private LegalBasisFormat() {
    }

    static LegalBasis read(RuleSetJson json, JsonNode node) {
        json.object(node, FIELD, FIELDS);
        SourceStatus status = json.enumValue(SourceStatus.class, node.get("status"), FIELD + ".status");
        Citation source = citation(json, node.get("source"), FIELD + ".source");
        List<Citation> further = new ArrayList<>();
        JsonNode furtherNode = node.get("furtherSources");
        if (furtherNode != null && !furtherNode.isNull()) {
            json.array(furtherNode, FIELD + ".furtherSources");
            for (int i = 0; i < furtherNode.size(); i++) {
                further.add(citation(json, furtherNode.get(i), FIELD + ".furtherSources[" + i + "]"));
            }
        }
        String assumption = optionalText(json, node.get("assumption"), FIELD + ".assumption");
        String note = optionalText(json, node.get("note"), FIELD + ".note");
        try {
            return new LegalBasis(status, source, further, assumption, note);
        } catch (IllegalArgumentException e) {
            throw json.problem(FIELD + ": " + e.getMessage(), e);
        }
    }

    private static Citation citation(RuleSetJson json, JsonNode node, String field) {
        json.object(node, field, CITATION);
        try {
            return new Citation(json.text(node.get("title"), field + ".title"),
                    json.text(node.get("issuer"), field + ".issuer"),
                    json.text(node.get("date"), field + ".date"),
                    json.text(node.get("reference"), field + ".reference"));
        } catch (RuleSetFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw json.problem(field + ": " + e.getMessage(), e);
        }
    }

    private static String optionalText(RuleSetJson json, JsonNode node, String field) {
        return node == null || node.isNull() ? null : json.text(node, field);
    }

    /** The basis as JSON text, as a file holds it, for storing beside an added version. */
    public static String toJson(LegalBasis basis) {
        return json(basis).toString();
    }

    /** A basis stored by {@link #toJson}. */
    public static LegalBasis fromJson(String text) {
        RuleSetJson json = new RuleSetJson("stored basis");
        return read(json, json.parse(text));
    }

    /** The basis as a file holds it. */
    static ObjectNode json(LegalBasis basis) {
        ObjectNode node = RuleSetJson.newDocument();
        node.put("status", basis.status().name());
        node.set("source", json(basis.source()));
        if (!basis.furtherSources().isEmpty()) {
            ArrayNode further = node.putArray("furtherSources");
            basis.furtherSources().forEach(c -> further.add(json(c)));
        }
        if (basis.assumption() != null) {
            node.put("assumption", basis.assumption());
        }
        if (basis.note() != null) {
            node.put("note", basis.note());
        }
        return node;
    }

    private static ObjectNode json(Citation citation) {
        ObjectNode node = RuleSetJson.newDocument();
        node.put("title", citation.title());
        node.put("issuer", citation.issuer());
        node.put("date", citation.date());
        node.put("reference", citation.reference());
        return node;
    }

    /** A citation as plain values, in the order a reader takes it in. */
    public static Map<String, String> plain(Citation citation) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("title", citation.title());
        plain.put("issuer", citation.issuer());
        plain.put("date", citation.date());
        plain.put("reference", citation.reference());
        return plain;
    }

    /**
     * The basis of a version an administrator added before sources were recorded: its free-text
     * source is kept as the title, and the version is ASSUMED because nobody vouched for it.
     */
    public static LegalBasis unrecorded(String source, String effectiveFrom) {
        String text = source == null || source.isBlank() ? RuleSetCatalogue.ADDED_BY_AN_ADMINISTRATOR : source;
        return new LegalBasis(SourceStatus.ASSUMED,
                new Citation(text, "an administrator of this ledger", effectiveFrom.substring(0, 4),
                        "rule-set amendment"),
                List.of(), "added before a source and status were recorded with each version", null);
    }
}
