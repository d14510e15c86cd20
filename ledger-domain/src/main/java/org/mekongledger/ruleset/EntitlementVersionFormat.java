package org.mekongledger.ruleset;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.entitlement.AgreementOption;
import org.mekongledger.entitlement.AgreementRuleSetVersion;
import org.mekongledger.entitlement.EntitlementRuleSet;
import org.mekongledger.entitlement.EntitlementRuleSetVersion;
import org.mekongledger.entitlement.FundBenefit;
import org.mekongledger.entitlement.OldAgeRuleSetVersion;
import org.mekongledger.entitlement.RuleSetKind;
import org.mekongledger.entitlement.RuleSetStatus;
import org.mekongledger.entitlement.WelfareFundRuleSetVersion;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.LifeEventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The file format of entitlement rule sets: a common header ({@code ruleSetId, kind, status, version,
 * effectiveFrom, source}) and the {@code parameters} of the kind. The header mirrors the contribution
 * rule sets so an administrator reads every rule file the same way.
 */
final class EntitlementVersionFormat {

    private static final Set<String> HEADER = Set.of("ruleSetId", "kind", "status", "version", "effectiveFrom",
            LegalBasisFormat.FIELD, "parameters");
    private static final Set<String> OLD_AGE = Set.of("scheme", "currency", "pensionableAgeYears",
            "lumpSumThresholdMonths", "pensionThresholdMonths", "baseRatePercent", "incrementPercent",
            "incrementEveryMonths", "averagingWindowMonths", "declaredReturnsPercent", "survivorsLumpSumMultiple",
            "survivorsWindowMonths", "invalidityPaysLumpSum", "survivorsPayMonthsRemaining",
            "claimDeadlineMonths");
    private static final Set<String> AGREEMENT = Set.of("scheme", "partnerNationality", "partnerSchemes",
            "shortPeriodMonths", "options", "partnerSchemeNotes");
    private static final Set<String> FUND = Set.of("currency", "feesPerContract", "coverMonths", "benefits");
    private static final Set<String> FUND_BENEFIT = Set.of("benefit", "events", "amount", "upTo", "payableTo");
    private static final Set<String> OPTIONS = optionNames();

    private final RuleSetJson json;

    /** The kinds an entitlement file may declare; contribution schedules have their own format. */
    private static final RuleSetKind[] KINDS = {RuleSetKind.BENEFITS, RuleSetKind.AGREEMENT, RuleSetKind.WELFARE_FUND};

    private EntitlementVersionFormat(String resource) {
        this.json = new RuleSetJson(resource);
    }

    /** Reads an index: a JSON array of resource paths. */
    static List<String> readIndex(String resource, InputStream in) {
        return new RuleSetJson(resource).index(in, RuleSetJson.TOP_LEVEL + " must be a JSON array");
    }

    static EntitlementRuleSetVersion readVersion(String resource, InputStream in) {
        EntitlementVersionFormat reader = new EntitlementVersionFormat(resource);
        return reader.version(reader.json.parse(in));
    }

    static EntitlementRuleSetVersion readVersion(String resource, String text) {
        EntitlementVersionFormat reader = new EntitlementVersionFormat(resource);
        return reader.version(reader.json.parse(text));
    }

    /**
     * The version an administrator adds to a benefit, agreement or welfare-fund rule set: it keeps its
     * rule set's kind and status, and is read from a document of the shipped format.
     *
     * @throws RequestRefused naming {@code parameters} for parameters that do not make a valid version
     */
    static EntitlementRuleSetVersion amendment(EntitlementRuleSet ruleSet, String version, LocalDate effectiveFrom,
                                               String parameters, LegalBasis basis) {
        ObjectNode document = RuleSetJson.newDocument();
        document.put("ruleSetId", ruleSet.id());
        document.put("kind", ruleSet.kind().name());
        document.put("status", ruleSet.status().name());
        document.put("version", version);
        document.put("effectiveFrom", effectiveFrom.toString());
        document.set(LegalBasisFormat.FIELD, LegalBasisFormat.json(basis));
        document.set("parameters", RuleSetJson.amendmentParameters(parameters));
        try {
            return readVersion("parameters", document.toString());
        } catch (IllegalArgumentException invalid) {
            throw new RequestRefused("parameters", invalid.getMessage());
        }
    }

    private EntitlementRuleSetVersion version(JsonNode root) {
        json.object(root, "", HEADER);
        String id = json.text(root.get("ruleSetId"), "ruleSetId");
        RuleSetKind kind = kind(root.get("kind"));
        RuleSetStatus status = json.enumValue(RuleSetStatus.class, root.get("status"), "status");
        String version = json.text(root.get("version"), "version");
        LocalDate from = json.date(root.get("effectiveFrom"), "effectiveFrom");
        LegalBasis source = LegalBasisFormat.read(json, root.get(LegalBasisFormat.FIELD));
        JsonNode p = root.get("parameters");
        try {
            return switch (kind) {
                case BENEFITS -> oldAge(id, version, from, status, source, json.object(p, "parameters", OLD_AGE));
                case AGREEMENT -> agreement(id, version, from, status, source, json.object(p, "parameters", AGREEMENT));
                case WELFARE_FUND -> fund(id, version, from, status, source, json.object(p, "parameters", FUND));
                case CONTRIBUTIONS -> throw new IllegalStateException("refused by kind()");
            };
        } catch (RuleSetFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // the records' own validation names the field; this adds the file
            throw json.problem(e.getMessage(), e);
        }
    }

    private RuleSetKind kind(JsonNode node) {
        RuleSetKind kind = json.enumValue(RuleSetKind.class, node, "kind");
        if (kind == RuleSetKind.CONTRIBUTIONS) {
            throw json.problem("kind must be one of " + java.util.Arrays.toString(KINDS) + ", was \"" + kind + "\"");
        }
        return kind;
    }

    private OldAgeRuleSetVersion oldAge(String id, String version, LocalDate from, RuleSetStatus status,
                                        LegalBasis source, JsonNode p) {
        return new OldAgeRuleSetVersion(id, version, from, status, source,
                json.text(p.get("scheme"), "parameters.scheme"),
                json.currency(p.get("currency"), "parameters.currency"),
                json.integer(p.get("pensionableAgeYears"), "parameters.pensionableAgeYears"),
                json.integer(p.get("lumpSumThresholdMonths"), "parameters.lumpSumThresholdMonths"),
                json.integer(p.get("pensionThresholdMonths"), "parameters.pensionThresholdMonths"),
                json.decimal(p.get("baseRatePercent"), "parameters.baseRatePercent"),
                json.decimal(p.get("incrementPercent"), "parameters.incrementPercent"),
                json.integer(p.get("incrementEveryMonths"), "parameters.incrementEveryMonths"),
                json.integer(p.get("averagingWindowMonths"), "parameters.averagingWindowMonths"),
                returns(p.get("declaredReturnsPercent"), "parameters.declaredReturnsPercent"),
                json.decimal(p.get("survivorsLumpSumMultiple"), "parameters.survivorsLumpSumMultiple"),
                json.integer(p.get("survivorsWindowMonths"), "parameters.survivorsWindowMonths"),
                json.bool(p.get("invalidityPaysLumpSum"), "parameters.invalidityPaysLumpSum"),
                // optional: versions written before the 2022 regulation pay the multiple alone
                p.hasNonNull("survivorsPayMonthsRemaining")
                        && json.bool(p.get("survivorsPayMonthsRemaining"), "parameters.survivorsPayMonthsRemaining"),
                // optional: a version that names no deadline has the one year a legal guide states
                p.hasNonNull("claimDeadlineMonths")
                        ? json.integer(p.get("claimDeadlineMonths"), "parameters.claimDeadlineMonths")
                        : OldAgeRuleSetVersion.ONE_YEAR);
    }

    private TreeMap<Integer, BigDecimal> returns(JsonNode node, String field) {
        JsonNode table = json.anyObject(node, field);
        TreeMap<Integer, BigDecimal> returns = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String yearField = field + "." + e.getKey();
            if (!e.getKey().matches("\\d{4}")) {
                throw json.problem(yearField + ": the key must be a calendar year (YYYY)");
            }
            returns.put(Integer.valueOf(e.getKey()), json.decimal(e.getValue(), yearField));
        }
        return returns;
    }

    private AgreementRuleSetVersion agreement(String id, String version, LocalDate from, RuleSetStatus status,
                                              LegalBasis source, JsonNode p) {
        JsonNode schemes = json.array(p.get("partnerSchemes"), "parameters.partnerSchemes");
        Set<String> partnerSchemes = new LinkedHashSet<>();
        for (int i = 0; i < schemes.size(); i++) {
            partnerSchemes.add(json.text(schemes.get(i), "parameters.partnerSchemes[" + i + "]"));
        }
        JsonNode o = json.object(p.get("options"), "parameters.options", OPTIONS);
        Set<AgreementOption> options = EnumSet.noneOf(AgreementOption.class);
        for (AgreementOption option : AgreementOption.values()) {
            // every option is required: an option forgotten in a file must not silently mean "off"
            if (json.bool(o.get(option.jsonName()), "parameters.options." + option.jsonName())) {
                options.add(option);
            }
        }
        return new AgreementRuleSetVersion(id, version, from, status, source,
                json.text(p.get("scheme"), "parameters.scheme"),
                json.text(p.get("partnerNationality"), "parameters.partnerNationality"),
                partnerSchemes,
                json.integer(p.get("shortPeriodMonths"), "parameters.shortPeriodMonths"),
                options, notes(p.get("partnerSchemeNotes"), partnerSchemes));
    }

    /** What to keep in mind about a partner scheme's periods, by scheme; optional. */
    private Map<String, String> notes(JsonNode node, Set<String> partnerSchemes) {
        Map<String, String> notes = new TreeMap<>();
        if (node == null || node.isNull()) {
            return notes;
        }
        String field = "parameters.partnerSchemeNotes";
        for (Iterator<Map.Entry<String, JsonNode>> it = json.anyObject(node, field).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!partnerSchemes.contains(e.getKey())) {
                throw json.problem(field + "." + e.getKey() + ": not a partner scheme of the agreement " + partnerSchemes);
            }
            notes.put(e.getKey(), json.text(e.getValue(), field + "." + e.getKey()));
        }
        return notes;
    }

    private WelfareFundRuleSetVersion fund(String id, String version, LocalDate from, RuleSetStatus status,
                                           LegalBasis source, JsonNode p) {
        JsonNode feeNode = json.anyObject(p.get("feesPerContract"), "parameters.feesPerContract");
        Map<FeePayer, BigDecimal> fees = new EnumMap<>(FeePayer.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = feeNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "parameters.feesPerContract." + e.getKey();
            fees.put(json.enumValue(FeePayer.class, e.getKey(), field), json.decimal(e.getValue(), field));
        }
        JsonNode benefitNodes = json.array(p.get("benefits"), "parameters.benefits");
        List<FundBenefit> benefits = new ArrayList<>();
        for (int i = 0; i < benefitNodes.size(); i++) {
            benefits.add(benefit(benefitNodes.get(i), "parameters.benefits[" + i + "]"));
        }
        return new WelfareFundRuleSetVersion(id, version, from, status, source,
                json.currency(p.get("currency"), "parameters.currency"), fees,
                json.integer(p.get("coverMonths"), "parameters.coverMonths"), benefits);
    }

    private FundBenefit benefit(JsonNode node, String field) {
        json.object(node, field, FUND_BENEFIT);
        JsonNode eventNodes = json.array(node.get("events"), field + ".events");
        Set<LifeEventType> events = EnumSet.noneOf(LifeEventType.class);
        for (int i = 0; i < eventNodes.size(); i++) {
            events.add(json.enumValue(LifeEventType.class, eventNodes.get(i), field + ".events[" + i + "]"));
        }
        JsonNode upTo = node.get("upTo");
        return new FundBenefit(json.text(node.get("benefit"), field + ".benefit"), events,
                json.decimal(node.get("amount"), field + ".amount"),
                upTo == null || upTo.isNull() ? null : json.decimal(upTo, field + ".upTo"),
                json.text(node.get("payableTo"), field + ".payableTo"));
    }

    private static Set<String> optionNames() {
        Set<String> names = new LinkedHashSet<>();
        for (AgreementOption option : AgreementOption.values()) {
            names.add(option.jsonName());
        }
        return Set.copyOf(names);
    }
}
